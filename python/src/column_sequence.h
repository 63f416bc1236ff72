// python/src/column_sequence.h — the read-only sequence protocol of the lists
// kept as columns in C++ (TokenList, NumberList, EntityList): length, an
// index (negative too) or a slice, iteration, equality with any sequence of
// equal items, concatenation into a list, pickling as a list. `List` has
// size() and item(i), the i-th object. And their offset columns for numpy.
#ifndef ZHPOLICY_PYTHON_COLUMN_SEQUENCE_H_
#define ZHPOLICY_PYTHON_COLUMN_SEQUENCE_H_

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <string>
#include <vector>

namespace zhpolicy {
namespace python {

template <typename List>
struct ColumnSequenceIterator {
  pybind11::object list;  // keeps the list alive
  const List* items;
  size_t next = 0;
};

// Defines the protocol on `cls` (named `name`; repr "name(N what)") and binds
// its iterator as `_nameIterator`.
template <typename List>
void def_column_sequence(pybind11::module_& m, pybind11::class_<List>& cls, const std::string& name,
                         const std::string& what) {
  namespace py = pybind11;
  using Iterator = ColumnSequenceIterator<List>;
  py::class_<Iterator>(m, ("_" + name + "Iterator").c_str())
      .def("__iter__", [](Iterator& it) -> Iterator& { return it; })
      .def("__next__", [](Iterator& it) {
        if (it.next >= it.items->size()) throw py::stop_iteration();
        return it.items->item(it.next++);
      });
  cls.def("__len__", &List::size)
      .def("__getitem__",
           [name](const List& l, py::ssize_t i) {
             const auto n = static_cast<py::ssize_t>(l.size());
             if (i < 0) i += n;
             if (i < 0 || i >= n) throw py::index_error(name + " index out of range");
             return l.item(static_cast<size_t>(i));
           })
      .def("__getitem__",
           [](const List& l, const py::slice& s) {
             size_t start = 0, stop = 0, step = 0, count = 0;
             if (!s.compute(l.size(), &start, &stop, &step, &count)) throw py::error_already_set();
             py::list out(count);
             for (size_t k = 0; k < count; ++k, start += step) out[k] = l.item(start);
             return out;
           })
      .def("__iter__", [](const py::object& self) { return Iterator{self, &self.cast<const List&>(), 0}; })
      .def("__eq__",
           [](const List& l, const py::object& other) -> py::object {
             if (!py::isinstance<py::sequence>(other) && !py::isinstance<List>(other)) {
               return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             }
             if (static_cast<size_t>(py::len(other)) != l.size()) return py::bool_(false);
             size_t i = 0;
             for (const py::handle& item : other) {
               if (!l.item(i++).equal(item)) return py::bool_(false);
             }
             return py::bool_(true);
           })
      // Concatenates as a list does (numbers + entities, a list + tokens): a new list.
      .def("__add__",
           [](const py::object& self, const py::iterable& other) {
             py::list out(self);
             for (const py::handle& x : other) out.append(x);
             return out;
           })
      .def("__radd__",
           [](const py::object& self, const py::iterable& other) {
             py::list out(other);
             for (const py::handle& x : self) out.append(x);
             return out;
           })
      // Pickled as the list of its objects.
      .def("__reduce__",
           [](const py::object& self) {
             return py::make_tuple(py::module_::import("builtins").attr("list"), py::make_tuple(py::list(self)));
           })
      .def("__repr__", [name, what](const List& l) {
        return name + "(" + std::to_string(l.size()) + " " + what + ")";
      });
}

// {"start": ..., "end": ...}: the character offset columns of `owner` (the
// list holding `start` and `end`) as numpy views, no copy; each keeps
// `owner` alive. arrays() adds the list's other columns.
inline pybind11::dict offset_arrays(const pybind11::object& owner, const std::vector<uint32_t>& start,
                                    const std::vector<uint32_t>& end) {
  namespace py = pybind11;
  py::dict out;
  out["start"] = py::array_t<uint32_t>(static_cast<py::ssize_t>(start.size()), start.data(), owner);
  out["end"] = py::array_t<uint32_t>(static_cast<py::ssize_t>(end.size()), end.data(), owner);
  return out;
}

}  // namespace python
}  // namespace zhpolicy

#endif  // ZHPOLICY_PYTHON_COLUMN_SEQUENCE_H_
