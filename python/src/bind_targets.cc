// Binds zhpolicy/target.h and zhpolicy/targets.h: targets as Python objects
// with character offsets, each holding its Number.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "bindings.h"
#include "offsets.h"
#include "zhpolicy/targets.h"

namespace zhpolicy {
namespace python {
namespace {

namespace py = pybind11;

struct PyTarget {
  py::str indicator;
  uint32_t start, end;
  py::object canonical;  // None when the indicator is not a common one
  TargetRelation relation;
  TargetModality modality;
  py::object number;     // a zhpolicy.Number
  float score;
};

}  // namespace

py::list to_py_targets(const py::str& text, const CharOffsets& chars, const std::vector<Target>& targets,
                       const py::object& numbers) {
  py::list out(targets.size());
  for (size_t i = 0; i < targets.size(); ++i) {
    const Target& t = targets[i];
    const uint32_t s = chars(t.indicator.begin), e = chars(t.indicator.end);
    PyObject* sub = substring(text.ptr(), s, e);
    if (!sub) throw py::error_already_set();
    out[i] = py::cast(PyTarget{py::reinterpret_steal<py::str>(sub), s, e,
                               t.canonical.empty() ? py::object(py::none()) : py::object(py::str(t.canonical)),
                               t.relation, t.modality, numbers[py::int_(t.number_index)], t.score});
  }
  return out;
}

void bind_targets(py::module_& m) {
  py::class_<PyTarget>(m, "Target", R"doc(
An indicator and the number that measures it: indicator (text, with
character offsets start/end of the indicator), canonical (the shared name of
a common indicator, else None), relation ('increase', 'decrease', 'level'),
modality ('target' or 'actual'), number (a zhpolicy.Number) and score (0-1).

>>> import zhpolicy
>>> t = zhpolicy.targets("力争全省生产总值增长5%以上")[0]   # the scope word 全省 is left out
>>> t.indicator, t.canonical, t.relation, t.modality, t.number.text
('生产总值', '地区生产总值', 'increase', 'target', '5%以上')
)doc")
      .def_readonly("indicator", &PyTarget::indicator)
      .def_readonly("start", &PyTarget::start)
      .def_readonly("end", &PyTarget::end)
      .def_readonly("canonical", &PyTarget::canonical)
      .def_property_readonly("relation", [](const PyTarget& t) { return std::string(to_string(t.relation)); })
      .def_property_readonly("modality", [](const PyTarget& t) { return std::string(to_string(t.modality)); })
      .def_readonly("number", &PyTarget::number)
      .def_readonly("score", &PyTarget::score)
      .def("to_dict",
           [](const PyTarget& t) {
             py::dict d;
             d["indicator"] = t.indicator;
             d["start"] = t.start;
             d["end"] = t.end;
             if (!t.canonical.is_none()) d["canonical"] = t.canonical;
             d["relation"] = std::string(to_string(t.relation));
             d["modality"] = std::string(to_string(t.modality));
             d["number"] = t.number.attr("to_dict")();
             d["score"] = t.score;
             return d;
           },
           R"doc(
The record in the schema of shared/gold/targets (plus offsets, canonical, score).

>>> import zhpolicy
>>> d = zhpolicy.targets("粮食产量1400亿斤")[0].to_dict()
>>> d["indicator"], d["relation"], d["number"]["value"], d["number"]["unit"]
('粮食产量', 'level', 140000000000, '斤')
)doc")
      .def("__repr__", [](const PyTarget& t) {
        return "Target(" + py::repr(t.indicator).cast<std::string>() + ", " + std::string(to_string(t.relation)) +
               ", " + std::string(to_string(t.modality)) + ", " + py::repr(t.number).cast<std::string>() + ")";
      })
      // Equal when every field is (the number by value); hashed by the
      // indicator's span and text and the number.
      .def("__eq__",
           [](const PyTarget& a, const py::object& other) -> py::object {
             if (!py::isinstance<PyTarget>(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             const PyTarget& b = other.cast<const PyTarget&>();
             return py::bool_(a.indicator.equal(b.indicator) && a.start == b.start && a.end == b.end &&
                              a.canonical.equal(b.canonical) && a.relation == b.relation &&
                              a.modality == b.modality && a.number.equal(b.number) && a.score == b.score);
           })
      .def("__hash__",
           [](const PyTarget& t) { return py::hash(py::make_tuple(t.indicator, t.start, t.end, t.number)); })
      .def(py::pickle(
          [](const PyTarget& t) {
            return py::make_tuple(t.indicator, t.start, t.end, t.canonical, static_cast<int>(t.relation),
                                  static_cast<int>(t.modality), t.number, t.score);
          },
          [](const py::tuple& t) {
            if (t.size() != 8) throw std::runtime_error("Target: bad pickled state");
            return PyTarget{t[0].cast<py::str>(), t[1].cast<uint32_t>(), t[2].cast<uint32_t>(), t[3],
                            static_cast<TargetRelation>(t[4].cast<int>()),
                            static_cast<TargetModality>(t[5].cast<int>()), t[6], t[7].cast<float>()};
          }));

  py::class_<TargetExtractor>(m, "TargetExtractor", R"doc(
Finds the targets of a text (zhpolicy.targets uses the default one).
Immutable and safe to share between threads.

>>> import zhpolicy
>>> ex = zhpolicy.TargetExtractor()
>>> [(t.indicator, t.relation, t.number.text) for t in ex.extract("城镇调查失业率5.5%左右")]
[('城镇调查失业率', 'level', '5.5%左右')]
)doc")
      .def(py::init([](const py::object& lexicon) { return TargetExtractor(lexicon_or_default(lexicon)); }),
           py::arg("lexicon") = py::none(), "lexicon: None for the default lexicon.")
      .def("extract",
           [](const TargetExtractor& ex, const py::str& text) {
             const std::string_view utf8 = utf8_view(text);
             std::vector<Target> targets;
             {
               py::gil_scoped_release release;
               targets = ex.extract(utf8);
             }
             std::vector<Number> numbers;
             for (Target& t : targets) {
               numbers.push_back(t.number);
               t.number_index = static_cast<uint32_t>(numbers.size() - 1);
             }
             const CharOffsets chars(utf8);
             return to_py_targets(text, chars, targets, to_py_numbers(text, chars, numbers));
           },
           py::arg("text"), R"doc(
The targets of `text` (list of Target), in the order of their numbers.

>>> import zhpolicy
>>> [(t.indicator, t.number.text) for t in zhpolicy.TargetExtractor().extract("新建5G基站2万个")]
[('新建5G基站', '2万个')]
)doc")
      .def_property_readonly("lexicon", &TargetExtractor::lexicon)
      .def(py::pickle([](const TargetExtractor& e) { return py::make_tuple(e.lexicon()); },
                      [](const py::tuple& t) { return TargetExtractor(t[0].cast<Lexicon>()); }));
}

}  // namespace python
}  // namespace zhpolicy
