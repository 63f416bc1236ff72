// python/src/module.cc — zhpolicy._core: declares what exists; each
// bind_*.cc binds one public header.
#include <pybind11/pybind11.h>

#include "bindings.h"
#include "zhpolicy/error.h"
#include "zhpolicy/utf8.h"
#include "zhpolicy/version.h"

namespace py = pybind11;

PYBIND11_MODULE(_core, m) {
  m.doc() = "zhpolicy's C++ core; use the zhpolicy package, not this module.";
  m.attr("__version__") = ZHPOLICY_VERSION_STRING;
  auto error = py::register_exception<zhpolicy::Error>(m, "Error", PyExc_ValueError);
  error.attr("__doc__") = R"doc(
What zhpolicy raises for bad input or files (a ValueError): the message says
what and where (file:line, byte offset).

>>> import zhpolicy
>>> try:
...     zhpolicy.Lexicon.open("/nonexistent.zpl")
... except zhpolicy.Error as e:
...     print("cannot open" in str(e))
True
)doc";
  // zhpolicy/utf8.h: the command line checks files' bytes without decoding them.
  m.def(
      "find_invalid_utf8",
      [](const py::bytes& data) -> long long {
        const std::string_view bytes(PyBytes_AS_STRING(data.ptr()), static_cast<size_t>(PyBytes_GET_SIZE(data.ptr())));
        size_t at;
        {
          py::gil_scoped_release release;
          at = zhpolicy::utf8::find_invalid(bytes);
        }
        return at == std::string_view::npos ? -1 : static_cast<long long>(at);
      },
      py::arg("data"), R"doc(
The byte offset of the first ill-formed UTF-8 sequence in `data`, or -1.

>>> from zhpolicy import _core
>>> _core.find_invalid_utf8("政协".encode()), _core.find_invalid_utf8("增长".encode() + "政协".encode("gbk"))
(-1, 6)
)doc");
  zhpolicy::python::bind_lexicon(m);
  zhpolicy::python::bind_segmenter(m);
  zhpolicy::python::bind_numbers(m);
  zhpolicy::python::bind_entities(m);
  zhpolicy::python::bind_analyzer(m);
  zhpolicy::python::bind_pieces(m);
  zhpolicy::python::bind_targets(m);
  zhpolicy::python::bind_token_list(m);
  zhpolicy::python::bind_mention_lists(m);
  zhpolicy::python::bind_records(m);
}
