// zhpolicy.TokenList: the tokens of an analyzed text kept as columns in C++
// (start and end in characters, kind: 9 bytes a token), a sequence whose
// Token objects are made only when read. Document.tokens is one, so that
// analyze() of a large text costs no Python object per token unless the
// caller walks the tokens.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include "bindings.h"
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
  py::object token(size_t i) const {
    PyObject* sub = substring(text.ptr(), start[i], end[i]);
    if (!sub) throw py::error_already_set();
    PyObject* token = make_token(sub, start[i], end[i], static_cast<TokenKind>(kind[i]));
    if (!token) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(token);
  }
};

struct TokenListIterator {
  py::object list;  // keeps the TokenList alive
  const TokenList* tokens;
  size_t next = 0;
};

size_t checked_index(const TokenList& l, py::ssize_t i) {
  const auto n = static_cast<py::ssize_t>(l.size());
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw py::index_error("TokenList index out of range");
  return static_cast<size_t>(i);
}

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
  py::class_<TokenListIterator>(m, "_TokenListIterator")
      .def("__iter__", [](TokenListIterator& it) -> TokenListIterator& { return it; })
      .def("__next__", [](TokenListIterator& it) {
        if (it.next >= it.tokens->size()) throw py::stop_iteration();
        return it.tokens->token(it.next++);
      });

  py::class_<TokenList>(m, "TokenList", R"doc(
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
)doc")
      .def("__len__", &TokenList::size)
      .def("__getitem__", [](const TokenList& l, py::ssize_t i) { return l.token(checked_index(l, i)); })
      .def("__getitem__",
           [](const TokenList& l, const py::slice& s) {
             size_t start = 0, stop = 0, step = 0, count = 0;
             if (!s.compute(l.size(), &start, &stop, &step, &count)) throw py::error_already_set();
             py::list out(count);
             for (size_t k = 0; k < count; ++k, start += step) out[k] = l.token(start);
             return out;
           })
      .def("__iter__",
           [](const py::object& self) {
             return TokenListIterator{self, &self.cast<const TokenList&>(), 0};
           })
      .def("__eq__",
           [](const TokenList& l, const py::object& other) -> py::object {
             if (!py::isinstance<py::sequence>(other) && !py::isinstance<TokenList>(other)) {
               return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             }
             if (static_cast<size_t>(py::len(other)) != l.size()) return py::bool_(false);
             size_t i = 0;
             for (const py::handle& item : other) {
               if (!l.token(i++).equal(item)) return py::bool_(false);
             }
             return py::bool_(true);
           })
      .def("arrays",
           [](const py::object& self) {
             const TokenList& l = self.cast<const TokenList&>();
             const auto n = static_cast<py::ssize_t>(l.size());
             py::dict out;  // views of the columns; they keep the TokenList alive
             out["start"] = py::array_t<uint32_t>(n, l.start.data(), self);
             out["end"] = py::array_t<uint32_t>(n, l.end.data(), self);
             out["kind"] = py::array_t<uint8_t>(n, l.kind.data(), self);
             return out;
           },
           R"doc(
The columns as numpy arrays without a copy: {"start", "end": uint32
character offsets, "kind": uint8 TokenKind values}.

>>> import zhpolicy
>>> zhpolicy.analyze("重庆").tokens.arrays()["kind"].tolist()
[0]
)doc")
      // Concatenates as a list does: a new list.
      .def("__add__", [](const py::object& self, const py::iterable& other) {
        py::list out(self);
        for (const py::handle& x : other) out.append(x);
        return out;
      })
      .def("__radd__", [](const py::object& self, const py::iterable& other) {
        py::list out(other);
        for (const py::handle& x : self) out.append(x);
        return out;
      })
      .def("__reduce__",
           [](const py::object& self) {
             // Pickled as the list of its tokens.
             return py::make_tuple(py::module_::import("builtins").attr("list"), py::make_tuple(py::list(self)));
           })
      .def("__repr__", [](const TokenList& l) { return "TokenList(" + std::to_string(l.size()) + " tokens)"; });
}

}  // namespace python
}  // namespace zhpolicy
