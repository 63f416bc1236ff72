// zhpolicy.TokenList: the tokens of an analyzed text kept as columns in C++
// (start and end in characters, kind: 9 bytes a token), a sequence whose
// Token objects are made only when read. Document.tokens is one, so that
// analyze() of a large text costs no Python object per token unless the
// caller walks the tokens.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include "bindings.h"
#include "column_sequence.h"
#include "offsets.h"

namespace zhpolicy {
namespace python {
namespace {

namespace py = pybind11;

struct TokenList {
  py::str text;  // the analyzed text: Token.text is a slice of it
  std::vector<uint32_t> start, end;
  std::vector<uint8_t> kind;

  size_t size() const { return kind.size(); }
  py::object item(size_t i) const {
    PyObject* sub = substring(text.ptr(), start[i], end[i]);
    if (!sub) throw py::error_already_set();
    PyObject* token = make_token(sub, start[i], end[i], static_cast<TokenKind>(kind[i]));
    if (!token) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(token);
  }
};

}  // namespace

py::object to_py_token_list(const py::str& text, const CharOffsets& chars, const std::vector<Token>& tokens) {
  TokenList l;
  l.text = text;
  l.start.reserve(tokens.size());
  l.end.reserve(tokens.size());
  l.kind.reserve(tokens.size());
  for (const Token& t : tokens) {
    l.start.push_back(chars(t.span.begin));
    l.end.push_back(chars(t.span.end));
    l.kind.push_back(static_cast<uint8_t>(t.kind));
  }
  return py::cast(std::move(l));
}

void bind_token_list(py::module_& m) {
  py::class_<TokenList> cls(m, "TokenList", R"doc(
The tokens of an analyzed text (Document.tokens): a read-only sequence of
Token that keeps its tokens as columns in C++ (start, end, kind: 9 bytes a
token) and makes a Token object only when one is read, so that analyze() of a
large text costs no Python object per token unless they are walked. Compares
equal to a list of the same tokens; arrays() gives the columns to numpy.

>>> import zhpolicy
>>> tokens = zhpolicy.analyze("全年增长12.5%").tokens
>>> len(tokens), tokens[-1].text, [t.text for t in tokens[:2]]
(3, '12.5%', ['全年', '增长'])
>>> tokens == list(tokens), tokens.arrays()["end"].tolist()
(True, [2, 4, 9])
)doc");
  def_column_sequence(m, cls, "TokenList", "tokens");
  cls.def("arrays",
           [](const py::object& self) {
             const TokenList& l = self.cast<const TokenList&>();
             const auto n = static_cast<py::ssize_t>(l.size());
             py::dict out = offset_arrays(self, l.start, l.end);
             out["kind"] = py::array_t<uint8_t>(n, l.kind.data(), self);
             return out;
           },
           R"doc(
The columns as numpy arrays without a copy: {"start", "end": uint32
character offsets, "kind": uint8 TokenKind values}.

>>> import zhpolicy
>>> zhpolicy.analyze("重庆").tokens.arrays()["kind"].tolist()
[0]
)doc");
}

}  // namespace python
}  // namespace zhpolicy
