// python/src/bindings.h — one binder per public header.
#ifndef ZHPOLICY_PYTHON_BINDINGS_H_
#define ZHPOLICY_PYTHON_BINDINGS_H_

#include <pybind11/pybind11.h>

#include <string_view>
#include <vector>

#include "zhpolicy/entity.h"
#include "zhpolicy/number.h"
#include "zhpolicy/token.h"

namespace zhpolicy {
namespace python {

void bind_lexicon(pybind11::module_& m);
void bind_segmenter(pybind11::module_& m);
void bind_numbers(pybind11::module_& m);
void bind_entities(pybind11::module_& m);
void bind_analyzer(pybind11::module_& m);

// Python objects for C++ results, with character offsets into `text` (whose
// UTF-8 form is `utf8`). Need the GIL.
pybind11::list to_py_tokens(const pybind11::str& text, std::string_view utf8, const std::vector<Token>& tokens);
pybind11::list to_py_numbers(const pybind11::str& text, std::string_view utf8, const std::vector<Number>& numbers);
pybind11::list to_py_entities(const pybind11::str& text, std::string_view utf8, const std::vector<Entity>& entities);

}  // namespace python
}  // namespace zhpolicy

#endif  // ZHPOLICY_PYTHON_BINDINGS_H_
