// python/src/module.cc — zhpolicy._core: declares what exists; each
// bind_*.cc binds one public header.
#include <pybind11/pybind11.h>

#include "bindings.h"
#include "zhpolicy/error.h"
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
  zhpolicy::python::bind_lexicon(m);
  zhpolicy::python::bind_segmenter(m);
  zhpolicy::python::bind_numbers(m);
  zhpolicy::python::bind_entities(m);
  zhpolicy::python::bind_analyzer(m);
  zhpolicy::python::bind_pieces(m);
  zhpolicy::python::bind_targets(m);
  zhpolicy::python::bind_token_list(m);
  zhpolicy::python::bind_records(m);
}
