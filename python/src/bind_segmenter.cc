// Binds zhpolicy/token.h and zhpolicy/segmenter.h. Offsets are converted to
// characters here, once per text; the GIL is released around the C++ work.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cerrno>
#include <system_error>

#include "bindings.h"
#include "offsets.h"
#include "segmented_lines.h"
#include "util/parallel.h"
#include "zhpolicy/error.h"
#include "zhpolicy/segmenter.h"

namespace zhpolicy {
namespace python {
namespace {

namespace py = pybind11;

SegmentMode parse_mode(const std::string& mode) {
  if (mode == "default") return SegmentMode::kDefault;
  if (mode == "search") return SegmentMode::kSearch;
  throw Error(ErrorCode::kInvalidArgument, "mode must be 'default' or 'search', got '" + mode + "'");
}


py::list to_py_words(const py::str& text, std::string_view utf8, const std::vector<Token>& tokens) {
  CharCounter chars(utf8);
  py::list out(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    const uint32_t s = chars(tokens[i].span.begin), e = chars(tokens[i].span.end);
    PyObject* sub = substring(text.ptr(), s, e);
    if (!sub) throw py::error_already_set();
    PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), sub);
  }
  return out;
}

// Tokens as columns: character offsets and kinds, 9 bytes a token, handed
// to numpy without a copy (the arrays keep these vectors alive).
struct TokenColumns {
  std::vector<uint32_t> start, end;
  std::vector<uint8_t> kind;
};

py::dict token_arrays(const Segmenter& seg, const py::str& text, SegmentMode mode) {
  const std::string_view utf8 = utf8_view(text);
  auto columns = std::make_unique<TokenColumns>();
  {
    py::gil_scoped_release release;
    const std::vector<Token> tokens = seg.segment(utf8, mode);
    const CharOffsets chars(utf8);
    columns->start.reserve(tokens.size());
    columns->end.reserve(tokens.size());
    columns->kind.reserve(tokens.size());
    for (const Token& t : tokens) {
      columns->start.push_back(chars(t.span.begin));
      columns->end.push_back(chars(t.span.end));
      columns->kind.push_back(static_cast<uint8_t>(t.kind));
    }
  }
  TokenColumns* raw = columns.release();
  const py::capsule owner(raw, [](void* p) { delete static_cast<TokenColumns*>(p); });
  const auto n = static_cast<py::ssize_t>(raw->kind.size());
  py::dict out;
  out["start"] = py::array_t<uint32_t>(n, raw->start.data(), owner);
  out["end"] = py::array_t<uint32_t>(n, raw->end.data(), owner);
  out["kind"] = py::array_t<uint8_t>(n, raw->kind.data(), owner);
  return out;
}

// Short texts keep the GIL: releasing and taking it back cost about 80 ns a
// call (a cut of one character: 470 -> 390 ns), a few percent of a line of
// a report, while other threads wait tens of microseconds at most (2 KB at
// 60 MB/s).
constexpr size_t kMinBytesToReleaseGil = 2048;

std::vector<Token> segment_releasing_gil_if_long(const Segmenter& seg, std::string_view utf8, SegmentMode mode) {
  if (utf8.size() < kMinBytesToReleaseGil) return seg.segment(utf8, mode);
  py::gil_scoped_release release;
  return seg.segment(utf8, mode);
}

}  // namespace

py::list to_py_tokens(const py::str& text, std::string_view utf8, const std::vector<Token>& tokens) {
  CharCounter chars(utf8);
  py::list out(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    const uint32_t s = chars(tokens[i].span.begin), e = chars(tokens[i].span.end);
    PyObject* sub = substring(text.ptr(), s, e);
    if (!sub) throw py::error_already_set();
    PyObject* token = make_token(sub, s, e, tokens[i].kind);
    if (!token) throw py::error_already_set();
    PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), token);
  }
  return out;
}

void bind_segmenter(py::module_& m) {
  py::enum_<TokenKind> token_kind(m, "TokenKind", R"doc(
The coarse class of a token; str() gives 'word', 'number', ...

>>> import zhpolicy
>>> [str(t.kind) for t in zhpolicy.segment("2024年，GDP增长")]
['date', 'punctuation', 'latin', 'word']
)doc");
  token_kind
      .value("WORD", TokenKind::kWord)
      .value("NUMBER", TokenKind::kNumber)
      .value("DATE", TokenKind::kDate)
      .value("LATIN", TokenKind::kLatin)
      .value("PUNCTUATION", TokenKind::kPunctuation)
      .value("SYMBOL", TokenKind::kSymbol)
      .value("WHITESPACE", TokenKind::kWhitespace)
      .value("INVALID", TokenKind::kInvalid);
  // enum_ installs its own __str__ ("TokenKind.WORD"); replace it with the JSON name.
  token_kind.attr("__str__") = py::cpp_function(
      [](TokenKind k) { return std::string(to_string(k)); }, py::is_method(token_kind));

  bind_token_type(m);

  py::class_<Segmenter>(m, "Segmenter", R"doc(
Segments Chinese text into words. Immutable and safe to share between threads.

>>> import zhpolicy
>>> seg = zhpolicy.Segmenter(zhpolicy.default_lexicon())
>>> seg.cut("全年实现地区生产总值1450亿元")
['全年', '实现', '地区生产总值', '1450亿', '元']
)doc")
      .def(py::init([](const py::object& lexicon, bool hmm, const std::string& invalid_utf8) {
             SegmenterOptions o;
             o.hmm = hmm;
             if (invalid_utf8 == "isolate") o.invalid_utf8 = InvalidUtf8::kIsolate;
             else if (invalid_utf8 == "error") o.invalid_utf8 = InvalidUtf8::kThrow;
             else throw Error(ErrorCode::kInvalidArgument, "invalid_utf8 must be 'isolate' or 'error'");
             return Segmenter(lexicon_or_default(lexicon), o);
           }),
           py::arg("lexicon") = py::none(), py::arg("hmm") = true, py::arg("invalid_utf8") = "isolate")
      .def("segment",
           [](const Segmenter& seg, const py::str& text, const std::string& mode) {
             const std::string_view utf8 = utf8_view(text);
             const auto tokens = segment_releasing_gil_if_long(seg, utf8, parse_mode(mode));
             return to_py_tokens(text, utf8, tokens);
           },
           py::arg("text"), py::arg("mode") = "default", R"doc(
Tokens of `text` (list of Token) that tile it: ''.join(t.text for t in tokens) == text.
mode='search' adds the dictionary sub-words of long words, for indexing.

>>> import zhpolicy
>>> [t.text for t in zhpolicy.segment("新增就业4.6万人")]
['新增', '就业', '4.6万', '人']
)doc")
      .def("cut",
           [](const Segmenter& seg, const py::str& text, const std::string& mode) {
             const std::string_view utf8 = utf8_view(text);
             const auto tokens = segment_releasing_gil_if_long(seg, utf8, parse_mode(mode));
             return to_py_words(text, utf8, tokens);
           },
           py::arg("text"), py::arg("mode") = "default",
           R"doc(
The token texts of `text` as a list of str.

>>> import zhpolicy
>>> zhpolicy.Segmenter(zhpolicy.default_lexicon()).cut("区政协召开会议")
['区政协', '召开', '会议']
)doc")
      .def("segment_arrays",
           [](const Segmenter& seg, const py::str& text, const std::string& mode) {
             return token_arrays(seg, text, parse_mode(mode));
           },
           py::arg("text"), py::arg("mode") = "default", R"doc(
The tokens of `text` as numpy arrays, no Python object per token:
{"start": uint32, "end": uint32 (character offsets), "kind": uint8
(TokenKind values: TokenKind(k) names one)}; 9 bytes a token, the arrays
share the C++ buffers (no copy). For corpora too large for Token objects.

>>> import zhpolicy
>>> cols = zhpolicy.Segmenter().segment_arrays("增长12.5%")
>>> cols["start"].tolist(), cols["end"].tolist(), [str(zhpolicy.TokenKind(int(k))) for k in cols["kind"]]
([0, 2], [2, 7], ['word', 'number'])
)doc")
      .def("segment_lines",
           [](const Segmenter& seg, const py::object& text, unsigned n_threads, const std::string& mode) -> py::object {
             const bool raw = PyBytes_Check(text.ptr());
             const std::string_view utf8 =
                 raw ? std::string_view(PyBytes_AS_STRING(text.ptr()), static_cast<size_t>(PyBytes_GET_SIZE(text.ptr())))
                     : utf8_view(text);
             const SegmentMode m = parse_mode(mode);
             std::string out;
             {
               py::gil_scoped_release release;
               out = segmented_lines(seg, utf8, m, n_threads);
             }
             if (raw) return py::bytes(out);
             PyObject* s = PyUnicode_DecodeUTF8(out.data(), static_cast<Py_ssize_t>(out.size()), "strict");
             if (!s) throw py::error_already_set();
             return py::reinterpret_steal<py::str>(s);
           },
           py::arg("text"), py::arg("n_threads") = 0, py::arg("mode") = "default", R"doc(
The words of each line of `text` separated by single spaces (white space
dropped), one line out per line in, as one str built in C++ (what
`zhpolicy segment` writes): no Python object per token. Given UTF-8 bytes,
gives bytes (no decoding either way; ill-formed bytes are segmented as the
segmenter's invalid_utf8 option says).

>>> import zhpolicy
>>> zhpolicy.Segmenter().segment_lines("召开会议\r\n\n重庆 渝中区\n")
'召开 会议\n\n重庆 渝中区\n'
>>> zhpolicy.Segmenter().segment_lines("召开会议\n".encode()).decode()
'召开 会议\n'
)doc")
      .def("segment_many",
           [](const Segmenter& seg, const py::iterable& texts, unsigned n_threads,
              const std::string& mode) {
             const PyTexts in(texts);
             const SegmentMode m = parse_mode(mode);
             std::vector<std::vector<Token>> results;
             {
               py::gil_scoped_release release;
               results = seg.segment_many(in.views, m, n_threads);
             }
             py::list out(results.size());
             for (size_t i = 0; i < results.size(); ++i) out[i] = to_py_tokens(in.strs[i], in.views[i], results[i]);
             return out;
           },
           py::arg("texts"), py::arg("n_threads") = 0, py::arg("mode") = "default", R"doc(
segment() of each text, on n_threads threads (0: all cores) with the GIL released.
The result equals [segment(t) for t in texts].

>>> import zhpolicy
>>> seg = zhpolicy.Segmenter(zhpolicy.default_lexicon())
>>> [[t.text for t in ts] for ts in seg.segment_many(["召开会议", "重庆"], n_threads=2)]
[['召开', '会议'], ['重庆']]
)doc")
      .def_property_readonly("lexicon", &Segmenter::lexicon)
      .def(py::pickle(
          [](const Segmenter& s) {
            return py::make_tuple(s.lexicon(), s.options().hmm,
                                  s.options().invalid_utf8 == InvalidUtf8::kThrow ? "error" : "isolate");
          },
          [](const py::tuple& t) {
            SegmenterOptions o;
            o.hmm = t[1].cast<bool>();
            o.invalid_utf8 = t[2].cast<std::string>() == "error" ? InvalidUtf8::kThrow : InvalidUtf8::kIsolate;
            return Segmenter(t[0].cast<Lexicon>(), o);
          }));

  // The command line's segment of a file (segmented_lines.h): mapped, checked,
  // segmented on the pool and written to a descriptor, no Python object made.
  m.def(
      "_segment_file_to",
      [](const Segmenter& seg, const py::bytes& path, int fd, unsigned n_threads, const std::string& mode) {
        const std::string file = path;
        const SegmentMode m = parse_mode(mode);
        try {
          py::gil_scoped_release release;
          return segment_file_to(seg, file, fd, m, n_threads);
        } catch (const OutputError& e) {
          errno = e.code().value();
          PyErr_SetFromErrno(PyExc_OSError);  // BrokenPipeError for a closed pipe
          throw py::error_already_set();
        } catch (const std::system_error& e) {
          errno = e.code().value();
          PyErr_SetFromErrnoWithFilename(PyExc_OSError, file.c_str());
          throw py::error_already_set();
        }
      },
      py::arg("segmenter"), py::arg("path"), py::arg("fd"), py::arg("n_threads") = 0, py::arg("mode") = "default");
}

}  // namespace python
}  // namespace zhpolicy
