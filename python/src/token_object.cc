// zhpolicy.Token as a plain CPython type: a token is made for every word a
// caller asks objects for (Segmenter.segment, TokenList), and a pybind11
// instance (type lookup, a heap holder, a copy of the struct) cost several
// times what the text slice itself costs. This one is one allocation.
#include <array>
#include <string>

#include <pybind11/pybind11.h>
// After Python.h (pybind11 includes it): T_UINT, READONLY.
#include <structmember.h>

#include "bindings.h"

namespace zhpolicy {
namespace python {
namespace {

namespace py = pybind11;

struct TokenObject {
  PyObject_HEAD
  PyObject* text;
  uint32_t start;
  uint32_t end;
  uint8_t kind;
};

PyTypeObject* token_type = nullptr;
// The TokenKind values as Python objects, made once (Token.kind hands them out).
std::array<PyObject*, 8> kind_objects{};

void token_dealloc(PyObject* self) {
  Py_XDECREF(reinterpret_cast<TokenObject*>(self)->text);
  Py_TYPE(self)->tp_free(self);
}

PyObject* token_kind(PyObject* self, void*) {
  PyObject* k = kind_objects[reinterpret_cast<TokenObject*>(self)->kind & 7];
  Py_INCREF(k);
  return k;
}

// Token(text, start, end, kind): kind a TokenKind or its int (what pickling gives back).
PyObject* token_new(PyTypeObject*, PyObject* args, PyObject* kwargs) {
  static const char* names[] = {"text", "start", "end", "kind", nullptr};
  PyObject* text;
  unsigned long start, end;
  PyObject* kind;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "UkkO", const_cast<char**>(names), &text, &start, &end, &kind)) {
    return nullptr;
  }
  PyObject* number = PyNumber_Long(kind);
  if (!number) return nullptr;
  const long k = PyLong_AsLong(number);
  Py_DECREF(number);
  if (k < 0 || k >= static_cast<long>(kind_objects.size()) || !kind_objects[static_cast<size_t>(k)]) {
    PyErr_SetString(PyExc_ValueError, "kind must be a TokenKind");
    return nullptr;
  }
  Py_INCREF(text);
  return make_token(text, static_cast<uint32_t>(start), static_cast<uint32_t>(end), static_cast<TokenKind>(k));
}

PyObject* token_richcompare(PyObject* a, PyObject* b, int op) {
  if ((op != Py_EQ && op != Py_NE) || !PyObject_TypeCheck(b, token_type)) Py_RETURN_NOTIMPLEMENTED;
  const auto* x = reinterpret_cast<TokenObject*>(a);
  const auto* y = reinterpret_cast<TokenObject*>(b);
  bool equal = x->start == y->start && x->end == y->end && x->kind == y->kind;
  if (equal) {
    const int same_text = PyUnicode_Compare(x->text, y->text);
    if (same_text == -1 && PyErr_Occurred()) return nullptr;
    equal = same_text == 0;
  }
  if (op == Py_NE) equal = !equal;
  if (equal) Py_RETURN_TRUE;
  Py_RETURN_FALSE;
}

PyObject* token_repr(PyObject* self) {
  const auto* t = reinterpret_cast<TokenObject*>(self);
  return PyUnicode_FromFormat("Token(%R, %u, %u, %s)", t->text, t->start, t->end,
                              std::string(to_string(static_cast<TokenKind>(t->kind))).c_str());
}

PyObject* token_to_dict(PyObject* self, PyObject*) {
  const auto* t = reinterpret_cast<TokenObject*>(self);
  return Py_BuildValue("{s:O,s:k,s:k,s:s}", "text", t->text, "start", static_cast<unsigned long>(t->start), "end",
                       static_cast<unsigned long>(t->end), "kind",
                       std::string(to_string(static_cast<TokenKind>(t->kind))).c_str());
}

PyObject* token_reduce(PyObject* self, PyObject*) {
  const auto* t = reinterpret_cast<TokenObject*>(self);
  return Py_BuildValue("(O(Okki))", reinterpret_cast<PyObject*>(token_type), t->text,
                       static_cast<unsigned long>(t->start), static_cast<unsigned long>(t->end),
                       static_cast<int>(t->kind));
}

PyMemberDef token_members[] = {
    {"text", T_OBJECT_EX, offsetof(TokenObject, text), READONLY, "The token's text: source[start:end]."},
    {"start", T_UINT, offsetof(TokenObject, start), READONLY, "Character offset of its start."},
    {"end", T_UINT, offsetof(TokenObject, end), READONLY, "Character offset past its end."},
    {nullptr, 0, 0, 0, nullptr}};

PyGetSetDef token_getset[] = {{"kind", token_kind, nullptr, "Its TokenKind.", nullptr},
                              {nullptr, nullptr, nullptr, nullptr, nullptr}};

PyMethodDef token_methods[] = {
    {"to_dict", token_to_dict, METH_NOARGS, R"doc(
The token as a plain dict (JSON-ready).

>>> import zhpolicy
>>> zhpolicy.segment("重庆")[0].to_dict()
{'text': '重庆', 'start': 0, 'end': 2, 'kind': 'word'}
)doc"},
    {"__reduce__", token_reduce, METH_NOARGS, "Pickling support."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

PyObject* make_token(PyObject* text, uint32_t start, uint32_t end, TokenKind kind) {
  auto* t = PyObject_New(TokenObject, token_type);
  if (!t) {
    Py_DECREF(text);
    return nullptr;
  }
  t->text = text;
  t->start = start;
  t->end = end;
  t->kind = static_cast<uint8_t>(kind);
  return reinterpret_cast<PyObject*>(t);
}

void bind_token_type(py::module_& m) {
  for (size_t k = 0; k < kind_objects.size(); ++k) {
    // Kept for the life of the process, as the type is.
    kind_objects[k] = py::cast(static_cast<TokenKind>(k)).release().ptr();
  }
  static PyTypeObject type = [] {
    PyTypeObject t{PyVarObject_HEAD_INIT(nullptr, 0)};
    t.tp_name = "zhpolicy._core.Token";
    t.tp_basicsize = sizeof(TokenObject);
    t.tp_dealloc = token_dealloc;
    t.tp_repr = token_repr;
    t.tp_hash = PyObject_HashNotImplemented;
    t.tp_flags = Py_TPFLAGS_DEFAULT;
    t.tp_doc = R"doc(
A token: its text, character offsets into the analyzed str and its kind, with
text == source[start:end].

>>> import zhpolicy
>>> t = zhpolicy.segment("增长12.5%")[1]
>>> t.text, t.start, t.end, str(t.kind)
('12.5%', 2, 7, 'number')
)doc";
    t.tp_richcompare = token_richcompare;
    t.tp_methods = token_methods;
    t.tp_members = token_members;
    t.tp_getset = token_getset;
    t.tp_new = token_new;
    return t;
  }();
  if (PyType_Ready(&type) < 0) throw py::error_already_set();
  token_type = &type;
  Py_INCREF(&type);
  m.add_object("Token", reinterpret_cast<PyObject*>(&type));
}

}  // namespace python
}  // namespace zhpolicy
