// zhpolicy.NumberList and zhpolicy.EntityList: the numbers and entities of an
// analyzed text kept as the C++ results plus their columns (character
// offsets, kinds or types, values or scores), read-only sequences whose
// Number / Entity objects are made when first read and then kept, so that a
// link's or target's object is the one the list gives. Document.numbers and
// Document.entities are these; arrays() hands the columns to numpy.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cmath>
#include <limits>
#include <utility>

#include "bindings.h"
#include "column_sequence.h"
#include "offsets.h"

namespace zhpolicy {
namespace python {
namespace {

namespace py = pybind11;

// The names of the codes 0..last of an enum with to_string(), by code: the
// KINDS, QUALIFIERS, TYPES, SOURCES tuples that name arrays()' codes.
template <typename Enum>
py::tuple code_names(Enum last) {
  py::list names;
  for (int k = 0; k <= static_cast<int>(last); ++k) names.append(to_string(static_cast<Enum>(k)));
  return py::tuple(names);
}

// What Item adds to the common columns, and how an object is made.
template <typename Item>
struct ItemColumns;

template <>
struct ItemColumns<Number> {
  static constexpr const char* kName = "NumberList";
  std::vector<uint8_t> kind, qualifier;
  std::vector<double> value, value_max;  // NaN: none, or not a number (dates, times, codes)
  void add(const Number& n) {
    const bool numeric = n.kind != NumberKind::kDate && n.kind != NumberKind::kTime && n.kind != NumberKind::kCode;
    constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
    kind.push_back(static_cast<uint8_t>(n.kind));
    qualifier.push_back(static_cast<uint8_t>(n.qualifier));
    value.push_back(numeric ? n.value.to_double() : kNone);
    value_max.push_back(numeric && n.value_max ? n.value_max->to_double() : kNone);
  }
  void arrays(py::dict& out, py::ssize_t n, const py::object& owner) const {
    out["kind"] = py::array_t<uint8_t>(n, kind.data(), owner);
    out["value"] = py::array_t<double>(n, value.data(), owner);
    out["value_max"] = py::array_t<double>(n, value_max.data(), owner);
    out["qualifier"] = py::array_t<uint8_t>(n, qualifier.data(), owner);
  }
  static py::object make(const py::str& text, uint32_t s, uint32_t e, const Number& n) {
    return to_py_number(text, s, e, n);
  }
  // The names of the codes, by code.
  template <typename Class>
  static void names(Class& c) {
    c.attr("KINDS") = code_names(NumberKind::kCode);
    c.attr("QUALIFIERS") = code_names(Qualifier::kLe);
  }
};

template <>
struct ItemColumns<Entity> {
  static constexpr const char* kName = "EntityList";
  std::vector<uint8_t> type, source;
  std::vector<float> score;
  void add(const Entity& e) {
    type.push_back(static_cast<uint8_t>(e.type));
    source.push_back(static_cast<uint8_t>(e.source));
    score.push_back(e.score);
  }
  void arrays(py::dict& out, py::ssize_t n, const py::object& owner) const {
    out["type"] = py::array_t<uint8_t>(n, type.data(), owner);
    out["score"] = py::array_t<float>(n, score.data(), owner);
    out["source"] = py::array_t<uint8_t>(n, source.data(), owner);
  }
  static py::object make(const py::str& text, uint32_t s, uint32_t e, const Entity& entity) {
    return to_py_entity(text, s, e, entity);
  }
  template <typename Class>
  static void names(Class& c) {
    c.attr("TYPES") = code_names(EntityType::kSlogan);
    c.attr("SOURCES") = code_names(EntitySource::kModel);
  }
};

template <typename Item>
struct MentionList {
  py::str text;
  std::vector<Item> items;
  std::vector<uint32_t> start, end;
  ItemColumns<Item> columns;
  mutable std::vector<py::object> made;  // the objects read so far (null: not yet)

  size_t size() const { return items.size(); }
  py::object item(size_t i) const {
    if (!made[i]) made[i] = ItemColumns<Item>::make(text, start[i], end[i], items[i]);
    return made[i];
  }
};

template <typename Item>
py::object make_list(const py::str& text, const CharOffsets& chars, const std::vector<Item>& items) {
  MentionList<Item> l;
  l.text = text;
  l.items = items;
  l.start.reserve(items.size());
  l.end.reserve(items.size());
  for (const Item& item : items) {
    l.start.push_back(chars(item.span.begin));
    l.end.push_back(chars(item.span.end));
    l.columns.add(item);
  }
  l.made.resize(items.size());
  return py::cast(std::move(l));
}

template <typename Item>
void bind_list(py::module_& m, const char* doc, const char* arrays_doc) {
  using List = MentionList<Item>;
  const std::string name = ItemColumns<Item>::kName;
  py::class_<List> cls(m, name.c_str(), doc);
  def_column_sequence(m, cls, name, "items");
  cls.def("arrays",
           [](const py::object& self) {
             const List& l = self.cast<const List&>();
             const auto n = static_cast<py::ssize_t>(l.size());
             py::dict out = offset_arrays(self, l.start, l.end);
             l.columns.arrays(out, n, self);
             return out;
           },
           arrays_doc);
  ItemColumns<Item>::names(cls);
}

}  // namespace

py::object to_py_number_list(const py::str& text, const CharOffsets& chars, const std::vector<Number>& numbers) {
  return make_list(text, chars, numbers);
}

py::object to_py_entity_list(const py::str& text, const CharOffsets& chars, const std::vector<Entity>& entities) {
  return make_list(text, chars, entities);
}

void bind_mention_lists(py::module_& m) {
  bind_list<Number>(m, R"doc(
The numbers of an analyzed text (Document.numbers): a read-only sequence of
Number kept as columns in C++, each Number made when first read (and the
same object after). Compares equal to a list of the same numbers; arrays()
gives the columns to numpy.

>>> import zhpolicy
>>> numbers = zhpolicy.analyze("新增5家，增长12%").numbers
>>> len(numbers), numbers[1].text, numbers == list(numbers), numbers[0] is numbers[0]
(2, '12%', True, True)
)doc",
                    R"doc(
The columns as numpy arrays without a copy: "start", "end" (uint32
character offsets), "kind" (uint8: 0 integer, 1 decimal, 2 percent, 3
money, 4 quantity, 5 ordinal, 6 date, 7 time, 8 code), "value" and
money, 4 quantity, 5 date, 6 time, 7 fraction, 8 code; NumberList.KINDS[k]
names code k), "value" and "value_max" (float64; NaN when none or not a
number: dates, times, codes), "qualifier" (uint8: NumberList.QUALIFIERS[q],
"" for none).

>>> import zhpolicy
>>> cols = zhpolicy.analyze("新增5家，增长12%左右").numbers.arrays()
>>> cols["start"].tolist(), cols["value"].tolist(), [zhpolicy.NumberList.QUALIFIERS[q] for q in cols["qualifier"]]
([2, 7], [5.0, 12.0], ['', 'approx'])
)doc");
  bind_list<Entity>(m, R"doc(
The entities of an analyzed text (Document.entities): a read-only sequence
of Entity kept as columns in C++, each Entity made when first read (and the
same object after, so that Document.links refer to them). Compares equal to
a list of the same entities; arrays() gives the columns to numpy.

>>> import zhpolicy
>>> doc = zhpolicy.analyze("区委书记赵世庆强调")
>>> [e.text for e in doc.entities], doc.links[0][0] is doc.entities[1]
(['区委书记', '赵世庆'], True)
)doc",
                    R"doc(
The columns as numpy arrays without a copy: "start", "end" (uint32
character offsets), "type" (uint8: 1 government, 2 organization, 3
company, 4 person, 5 position, 6 place, 7 meeting, 8 document, 9 slogan),
"score" (float32), "source" (uint8: 0 rule, 1 lexicon, 2 model).
EntityList.TYPES[t] and EntityList.SOURCES[s] name the codes.

>>> import zhpolicy
>>> cols = zhpolicy.analyze("区委书记赵世庆强调").entities.arrays()
>>> cols["start"].tolist(), [zhpolicy.EntityList.TYPES[t] for t in cols["type"]]
([0, 4], ['position', 'person'])
)doc");
}

}  // namespace python
}  // namespace zhpolicy
