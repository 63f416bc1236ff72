// python/src/bindings.h — one binder per public header.
#ifndef ZHPOLICY_PYTHON_BINDINGS_H_
#define ZHPOLICY_PYTHON_BINDINGS_H_

#include <pybind11/pybind11.h>

namespace zhpolicy {
namespace python {

void bind_lexicon(pybind11::module_& m);
void bind_segmenter(pybind11::module_& m);
void bind_numbers(pybind11::module_& m);
void bind_entities(pybind11::module_& m);

}  // namespace python
}  // namespace zhpolicy

#endif  // ZHPOLICY_PYTHON_BINDINGS_H_
