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
  py::register_exception<zhpolicy::Error>(m, "Error", PyExc_ValueError);
  zhpolicy::python::bind_lexicon(m);
  zhpolicy::python::bind_segmenter(m);
  zhpolicy::python::bind_numbers(m);
  zhpolicy::python::bind_entities(m);
  zhpolicy::python::bind_analyzer(m);
}
