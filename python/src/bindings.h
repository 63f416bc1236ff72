// python/src/bindings.h — one binder per public header.
#ifndef ZHPOLICY_PYTHON_BINDINGS_H_
#define ZHPOLICY_PYTHON_BINDINGS_H_

#include <pybind11/pybind11.h>

#include <string>
#include <string_view>
#include <vector>

#include "offsets.h"
#include "zhpolicy/entity.h"
#include "zhpolicy/lexicon.h"
#include "zhpolicy/number.h"
#include "zhpolicy/target.h"
#include "zhpolicy/token.h"

namespace zhpolicy {
namespace python {

void bind_lexicon(pybind11::module_& m);
void bind_segmenter(pybind11::module_& m);
void bind_numbers(pybind11::module_& m);
void bind_entities(pybind11::module_& m);
void bind_analyzer(pybind11::module_& m);
void bind_pieces(pybind11::module_& m);
void bind_targets(pybind11::module_& m);
void bind_records(pybind11::module_& m);
void bind_token_list(pybind11::module_& m);
void bind_mention_lists(pybind11::module_& m);

// zhpolicy.Token (token_object.cc), after TokenKind is bound.
void bind_token_type(pybind11::module_& m);
// A new Token of `text` (a str; the reference is stolen, released on
// failure too) at character offsets [start, end); nullptr with a Python
// error set on failure.
PyObject* make_token(PyObject* text, uint32_t start, uint32_t end, TokenKind kind);

// `lexicon`, or the package's default lexicon (zhpolicy.default_lexicon(),
// loaded once) when it is None: every class can be made with no argument.
inline Lexicon lexicon_or_default(const pybind11::object& lexicon) {
  if (!lexicon.is_none()) {
    if (!pybind11::isinstance<Lexicon>(lexicon)) {
      throw pybind11::type_error("lexicon must be a zhpolicy.Lexicon or None (the default lexicon), not " +
                                 std::string(pybind11::str(lexicon.get_type().attr("__name__"))));
    }
    return lexicon.cast<Lexicon>();
  }
  return pybind11::module_::import("zhpolicy").attr("default_lexicon")().cast<Lexicon>();
}

// Python objects for C++ results, with character offsets into `text`
// (`chars` maps its UTF-8 byte offsets, built once per text). Need the GIL.
pybind11::list to_py_tokens(const pybind11::str& text, std::string_view utf8, const std::vector<Token>& tokens);
// The tokens as a zhpolicy.TokenList: columns in C++ (9 bytes a token), a
// Token object made only when one is asked for.
pybind11::object to_py_token_list(const pybind11::str& text, const CharOffsets& chars,
                                  const std::vector<Token>& tokens);
pybind11::list to_py_numbers(const pybind11::str& text, const CharOffsets& chars, const std::vector<Number>& numbers);
pybind11::list to_py_entities(const pybind11::str& text, const CharOffsets& chars,
                              const std::vector<Entity>& entities);
// One Number / Entity of `text` at character offsets [start, end).
pybind11::object to_py_number(const pybind11::str& text, uint32_t start, uint32_t end, const Number& number);
pybind11::object to_py_entity(const pybind11::str& text, uint32_t start, uint32_t end, const Entity& entity);
// The numbers and entities of an analyzed text as zhpolicy.NumberList and
// zhpolicy.EntityList (mention_lists.cc): columns in C++, objects made when
// read (and kept: links and targets refer to the same objects).
pybind11::object to_py_number_list(const pybind11::str& text, const CharOffsets& chars,
                                   const std::vector<Number>& numbers);
pybind11::object to_py_entity_list(const pybind11::str& text, const CharOffsets& chars,
                                   const std::vector<Entity>& entities);
// `numbers`: the Python Numbers of the text (a list or NumberList), indexed
// by Target::number_index.
pybind11::list to_py_targets(const pybind11::str& text, const CharOffsets& chars, const std::vector<Target>& targets,
                             const pybind11::object& numbers);

}  // namespace python
}  // namespace zhpolicy

#endif  // ZHPOLICY_PYTHON_BINDINGS_H_
