// Binds zhpolicy/pieces.h: a file read in pieces of bounded size, for the
// Python layer's analyze_file and analyze_files.
#include <pybind11/pybind11.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>

#include "bindings.h"
#include "zhpolicy/error.h"
#include "zhpolicy/pieces.h"

namespace zhpolicy {
namespace python {
namespace {

namespace py = pybind11;

// A file and the reader of its pieces (the reader holds the stream).
struct FilePieces {
  FilePieces(const std::string& path, size_t piece_bytes) : in(path, std::ios::binary), reader(in, piece_bytes) {
    if (!in) throw Error(ErrorCode::kNotFound, path + ": cannot open: " + std::strerror(errno));
  }
  std::ifstream in;
  PieceReader reader;
};

}  // namespace

void bind_pieces(py::module_& m) {
  py::class_<FilePieces>(m, "FilePieces", R"doc(
The pieces of a file, each (byte offset, bytes), about piece_bytes long and
cut after a line end, else a sentence end, else at a character boundary
(zhpolicy.analyze_file decodes and analyzes them). Reading releases the GIL.

>>> import zhpolicy, tempfile
>>> f = tempfile.NamedTemporaryFile(suffix=".txt", delete=False); _ = f.write("甲。\n乙。\n".encode() * 40); f.close()
>>> [offset for offset, data in zhpolicy._core.FilePieces(f.name, 64)][:3]
[0, 63, 126]
)doc")
      .def(py::init<const std::string&, size_t>(), py::arg("path"), py::arg("piece_bytes") = PieceReader::kDefaultPieceBytes)
      .def("__iter__", [](FilePieces& p) -> FilePieces& { return p; })
      .def("__next__", [](FilePieces& p) {
        std::string piece;
        uint64_t offset = 0;
        bool more;
        {
          py::gil_scoped_release release;
          more = p.reader.next(piece, offset);
        }
        if (!more) throw py::stop_iteration();
        return py::make_tuple(offset, py::bytes(piece));
      });
}

}  // namespace python
}  // namespace zhpolicy
