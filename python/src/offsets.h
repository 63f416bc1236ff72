// python/src/offsets.h — UTF-8 views of Python strings, and the byte→character
// offset conversion done once per text.
#ifndef ZHPOLICY_PYTHON_OFFSETS_H_
#define ZHPOLICY_PYTHON_OFFSETS_H_

#include <pybind11/pybind11.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "zhpolicy/error.h"

namespace zhpolicy {
namespace python {

namespace py = pybind11;

// The UTF-8 bytes of `text`, cached inside the str object (no copy; valid
// while `text` lives). A str with a lone surrogate has no UTF-8 form: that is
// an Error naming the character offset. Needs the GIL.
inline std::string_view utf8_view(const py::handle& text) {
  if (!PyUnicode_Check(text.ptr())) {
    throw py::type_error("expected str, got " + std::string(Py_TYPE(text.ptr())->tp_name));
  }
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
  if (!data) {
    PyErr_Clear();
    const Py_ssize_t n = PyUnicode_GetLength(text.ptr());
    Py_ssize_t at = 0;
    for (; at < n; ++at) {
      const Py_UCS4 c = PyUnicode_ReadChar(text.ptr(), at);
      if (c >= 0xD800 && c <= 0xDFFF) break;
    }
    throw Error(ErrorCode::kInvalidArgument,
                "text has a lone surrogate at character " + std::to_string(at) +
                    " and cannot be encoded as UTF-8");
  }
  return {data, static_cast<size_t>(size)};
}

// The texts of a batch call: the str objects (kept alive) and their UTF-8
// views, collected while holding the GIL, to be read after releasing it.
struct PyTexts {
  explicit PyTexts(const py::iterable& texts) {
    for (const py::handle& t : texts) {
      views.push_back(utf8_view(t));
      strs.push_back(py::reinterpret_borrow<py::str>(t));
    }
  }
  std::vector<py::str> strs;
  std::vector<std::string_view> views;
};

// Maps byte offsets of a valid UTF-8 text to code-point offsets (what Python
// indexes by). For ASCII text the map is the identity and costs nothing.
class CharOffsets {
 public:
  explicit CharOffsets(std::string_view utf8) {
    bool ascii = true;
    for (char c : utf8) {
      if (static_cast<unsigned char>(c) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return;
    table_.resize(utf8.size() + 1);
    uint32_t chars = 0;
    for (size_t i = 0; i < utf8.size(); ++i) {
      table_[i] = chars;
      if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80) ++chars;
    }
    // Continuation bytes map past their character; spans of a valid text
    // never start or end on one.
    table_[utf8.size()] = chars;
  }
  uint32_t operator()(uint32_t byte_offset) const {
    return table_.empty() ? byte_offset : table_[byte_offset];
  }

 private:
  std::vector<uint32_t> table_;
};

// The substring [start, end) of str `text` as a new reference (nullptr with
// a Python error on failure). A one-character BMP substring is shared: one
// str per character for the process (tokens like 的, 和, ， are a third of a
// policy text's), and recent two-character ones too; str is immutable, so
// sharing is invisible. Needs the GIL.
inline PyObject* substring(PyObject* text, Py_ssize_t start, Py_ssize_t end) {
  if (end - start == 1) {
    const Py_UCS4 c = PyUnicode_READ_CHAR(text, start);
    if (c < 0x10000) {
      static PyObject* shared[0x10000];  // never released: they live as long as the module
      PyObject*& slot = shared[c];
      if (!slot) {
        slot = PyUnicode_Substring(text, start, end);
        if (!slot) return nullptr;
      }
      Py_INCREF(slot);
      return slot;
    }
  }
  if (end - start == 2) {
    // Two-character words (most of a text's words) from a direct-mapped
    // table of recent ones: a hit costs a comparison, a miss replaces the
    // entry. The table holds one reference to each str it keeps.
    const Py_UCS4 a = PyUnicode_READ_CHAR(text, start), b = PyUnicode_READ_CHAR(text, start + 1);
    struct Entry {
      Py_UCS4 a, b;
      PyObject* str;
    };
    static Entry recent[1 << 16];  // never released: they live as long as the module
    Entry& e = recent[((a * 0x9E3779B1u) ^ (b * 0x85EBCA77u)) >> 16];
    if (e.str && e.a == a && e.b == b) {
      Py_INCREF(e.str);
      return e.str;
    }
    PyObject* sub = PyUnicode_Substring(text, start, end);
    if (!sub) return nullptr;
    Py_XDECREF(e.str);
    Py_INCREF(sub);
    e = {a, b, sub};
    return sub;
  }
  return PyUnicode_Substring(text, start, end);
}

// The same map asked in (mostly) increasing order, as a text's tokens are:
// counts characters from the last offset asked instead of building a table
// (a short text's table cost more than its tokens). An offset before the
// last one (search mode's sub-words) is counted back from there, so the
// cost stays the distance moved.
class CharCounter {
 public:
  explicit CharCounter(std::string_view utf8) : utf8_(utf8) {}
  uint32_t operator()(uint32_t byte_offset) {
    for (; byte_ < byte_offset; ++byte_) chars_ += starts_char(byte_);
    for (; byte_ > byte_offset; --byte_) chars_ -= starts_char(byte_ - 1);
    return chars_;
  }

 private:
  bool starts_char(uint32_t i) const { return (static_cast<unsigned char>(utf8_[i]) & 0xC0) != 0x80; }
  std::string_view utf8_;
  uint32_t byte_ = 0, chars_ = 0;
};

}  // namespace python
}  // namespace zhpolicy

#endif  // ZHPOLICY_PYTHON_OFFSETS_H_
