// Binds zhpolicy/number.h and zhpolicy/numbers.h: numbers as Python objects
// with character offsets and gold-schema values.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "bindings.h"
#include "offsets.h"
#include "zhpolicy/error.h"
#include "zhpolicy/numbers.h"
#include "zhpolicy/numeral.h"

namespace zhpolicy {
namespace python {
namespace {

namespace py = pybind11;

// A Decimal as Python sees it: int when integral (exact, any size), float otherwise.
py::object to_py_value(const Decimal& d) {
  if (d.is_integer()) {
    return py::reinterpret_steal<py::object>(PyLong_FromString(d.to_string().c_str(), nullptr, 10));
  }
  return py::float_(d.to_double());
}

struct PyNumber {
  py::str text;
  uint32_t start, end;
  NumberKind kind;
  py::object value;      // int / float, or the ISO string for dates and times, digits for codes
  py::object value_max;  // None unless a range
  py::object unit;       // None if none
  Qualifier qualifier;
  bool relative;
  std::string exact;     // the exact decimal value as a string ("" for dates)
};


}  // namespace

py::object to_py_number(const py::str& text, uint32_t s, uint32_t e, const Number& n) {
  PyObject* sub = substring(text.ptr(), s, e);
  if (!sub) throw py::error_already_set();
  const bool iso_valued = n.kind == NumberKind::kDate || n.kind == NumberKind::kTime || n.kind == NumberKind::kCode;
  return py::cast(PyNumber{
      py::reinterpret_steal<py::str>(sub), s, e, n.kind,
      iso_valued ? py::object(py::str(n.iso)) : to_py_value(n.value),
      n.value_max ? to_py_value(*n.value_max) : py::none(),
      n.unit.empty() ? py::object(py::none()) : py::object(py::str(n.unit)), n.qualifier, n.relative,
      iso_valued ? std::string() : n.value.to_string()});
}

py::list to_py_numbers(const py::str& text, const CharOffsets& chars, const std::vector<Number>& numbers) {
  py::list out(numbers.size());
  for (size_t i = 0; i < numbers.size(); ++i) {
    out[i] = to_py_number(text, chars(numbers[i].span.begin), chars(numbers[i].span.end), numbers[i]);
  }
  return out;
}

void bind_numbers(py::module_& m) {
  m.def(
      "parse_number",
      [](const py::str& text) {
        const std::string_view utf8 = utf8_view(text);
        return to_py_value(parse_number(utf8));
      },
      py::arg("text"), R"doc(
The exact value of a numeral written alone (int when whole, else float), in
any form the number extractor reads: Chinese, financial, digit by digit,
Arabic, mixed, with a decimal part, a sign, full-width or Traditional
characters. Raises zhpolicy.Error (a ValueError) if `text` is not one
numeral, or is approximate (十多万).

>>> import zhpolicy
>>> zhpolicy.parse_number("负零点一零"), zhpolicy.parse_number("壹佰贰拾万"), zhpolicy.parse_number("一二三")
(-0.1, 1200000, 123)
>>> zhpolicy.parse_number("5万4千6百"), zhpolicy.parse_number("4.78萬億")
(54600, 4780000000000)
)doc");
  m.def(
      "_to_chinese",
      [](const std::string& plain, const std::string& style) {
        const auto value = Decimal::parse(plain);
        if (!value) throw Error(ErrorCode::kInvalidArgument, "to_chinese: not a plain decimal number: " + plain);
        ChineseNumeralStyle s = ChineseNumeralStyle::kLower;
        if (style == "upper") {
          s = ChineseNumeralStyle::kUpper;
        } else if (style == "rmb") {
          s = ChineseNumeralStyle::kRmb;
        } else if (style != "lower") {
          throw Error(ErrorCode::kInvalidArgument, "to_chinese: style must be 'lower', 'upper' or 'rmb', not '" +
                                                       style + "'");
        }
        return to_chinese(*value, s);
      },
      py::arg("plain"), py::arg("style"), "to_chinese() of a plain decimal string (zhpolicy.to_chinese wraps it).");
  py::class_<PyNumber>(m, "Number", R"doc(
A number mention with character offsets (text == source[start:end]) and the
gold schema's fields: kind, value (scale folded in; ISO string for dates and
times), value_max (ranges), unit, qualifier.

>>> import zhpolicy
>>> n = zhpolicy.numbers("投资3至5亿元")[0]
>>> n.text, n.kind, n.value, n.value_max, n.unit
('3至5亿元', 'money', 300000000, 500000000, '元')
)doc")
      .def_readonly("text", &PyNumber::text)
      .def_readonly("start", &PyNumber::start)
      .def_readonly("end", &PyNumber::end)
      .def_property_readonly("kind", [](const PyNumber& n) { return std::string(to_string(n.kind)); })
      .def_readonly("value", &PyNumber::value)
      .def_readonly("value_max", &PyNumber::value_max)
      .def_readonly("unit", &PyNumber::unit)
      .def_property_readonly("qualifier", [](const PyNumber& n) -> py::object {
        if (n.qualifier == Qualifier::kNone) return py::none();
        return py::str(std::string(to_string(n.qualifier)));
      })
      .def_readonly("relative", &PyNumber::relative)
      .def_readonly("exact", &PyNumber::exact, "The exact decimal value as a string; '' for dates, times, codes.")
      .def("to_dict",
           [](const PyNumber& n) {
             // The gold schema: absent fields are left out.
             py::dict d;
             d["text"] = n.text;
             d["start"] = n.start;
             d["end"] = n.end;
             d["kind"] = std::string(to_string(n.kind));
             d["value"] = n.value;
             if (!n.value_max.is_none()) d["value_max"] = n.value_max;
             if (!n.unit.is_none()) d["unit"] = n.unit;
             if (n.qualifier != Qualifier::kNone) d["qualifier"] = std::string(to_string(n.qualifier));
             if (n.relative) d["relative"] = true;
             return d;
           },
           R"doc(
The number in the gold schema (fields that do not apply are left out).

>>> import zhpolicy
>>> zhpolicy.numbers("2024年2月5日")[0].to_dict()
{'text': '2024年2月5日', 'start': 0, 'end': 9, 'kind': 'date', 'value': '2024-02-05'}
)doc")
      .def("__repr__", [](const PyNumber& n) {
        std::string r = "Number(" + py::repr(n.text).cast<std::string>() + ", " +
                        std::string(to_string(n.kind)) + ", " + py::repr(n.value).cast<std::string>();
        if (!n.value_max.is_none()) r += "..." + py::repr(n.value_max).cast<std::string>();
        if (!n.unit.is_none()) r += ", " + n.unit.cast<std::string>();
        if (n.qualifier != Qualifier::kNone) r += ", " + std::string(to_string(n.qualifier));
        return r + ")";
      })
      // Equal when every field is; hashed by span, text and kind.
      .def("__eq__",
           [](const PyNumber& a, const py::object& other) -> py::object {
             if (!py::isinstance<PyNumber>(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             const PyNumber& b = other.cast<const PyNumber&>();
             return py::bool_(a.text.equal(b.text) && a.start == b.start && a.end == b.end && a.kind == b.kind &&
                              a.value.equal(b.value) && a.value_max.equal(b.value_max) && a.unit.equal(b.unit) &&
                              a.qualifier == b.qualifier && a.relative == b.relative && a.exact == b.exact);
           })
      .def("__hash__",
           [](const PyNumber& n) {
             return py::hash(py::make_tuple(n.text, n.start, n.end, static_cast<int>(n.kind)));
           })
      .def(py::pickle(
          [](const PyNumber& n) {
            return py::make_tuple(n.text, n.start, n.end, static_cast<int>(n.kind), n.value, n.value_max, n.unit,
                                  static_cast<int>(n.qualifier), n.relative, n.exact);
          },
          [](const py::tuple& t) {
            if (t.size() != 10) throw std::runtime_error("Number: bad pickled state");
            return PyNumber{t[0].cast<py::str>(), t[1].cast<uint32_t>(), t[2].cast<uint32_t>(),
                            static_cast<NumberKind>(t[3].cast<int>()), t[4], t[5], t[6],
                            static_cast<Qualifier>(t[7].cast<int>()), t[8].cast<bool>(), t[9].cast<std::string>()};
          }));

  py::class_<NumberExtractor>(m, "NumberExtractor", R"doc(
Finds the numbers of a text. Immutable and safe to share between threads.

>>> import zhpolicy
>>> ex = zhpolicy.NumberExtractor(zhpolicy.default_lexicon())
>>> [(n.text, n.kind, n.value, n.unit, n.qualifier) for n in ex.extract("突破1450亿元")]
[('1450亿元', 'money', 145000000000, '元', 'gt')]
)doc")
      .def(py::init([](const py::object& lexicon) { return NumberExtractor(lexicon_or_default(lexicon)); }),
           py::arg("lexicon") = py::none(), "lexicon: None for the default lexicon.")
      .def("extract",
           [](const NumberExtractor& ex, const py::str& text) {
             const std::string_view utf8 = utf8_view(text);
             std::vector<Number> numbers;
             {
               py::gil_scoped_release release;
               numbers = ex.extract(utf8);
             }
             return to_py_numbers(text, CharOffsets(utf8), numbers);
           },
           py::arg("text"), R"doc(
The numbers of `text` (list of Number), in order.

>>> import zhpolicy
>>> ex = zhpolicy.NumberExtractor(zhpolicy.default_lexicon())
>>> [n.text for n in ex.extract("第四届，新增5家")]
['第四届', '5家']
)doc")
      .def("extract_many",
           [](const NumberExtractor& ex, const py::iterable& texts, unsigned n_threads) {
             const PyTexts in(texts);
             std::vector<std::vector<Number>> results;
             {
               py::gil_scoped_release release;
               results = ex.extract_many(in.views, n_threads);
             }
             py::list out(results.size());
             for (size_t i = 0; i < results.size(); ++i) out[i] = to_py_numbers(in.strs[i], CharOffsets(in.views[i]), results[i]);
             return out;
           },
           py::arg("texts"), py::arg("n_threads") = 0, R"doc(
extract() of each text on n_threads threads (0: all cores), GIL released.

>>> import zhpolicy
>>> ex = zhpolicy.NumberExtractor(zhpolicy.default_lexicon())
>>> [[n.value for n in ns] for ns in ex.extract_many(["新增5家", "增长12%"], n_threads=2)]
[[5], [12]]
)doc")
      .def_property_readonly("lexicon", &NumberExtractor::lexicon)
      .def(py::pickle([](const NumberExtractor& e) { return py::make_tuple(e.lexicon()); },
                      [](const py::tuple& t) { return NumberExtractor(t[0].cast<Lexicon>()); }));
}

}  // namespace python
}  // namespace zhpolicy
