// The command line's records (JSON Lines, CSV, TSV) of an analyzed text,
// built in C++ with the GIL released: one record per token, number and
// entity, byte for byte what the Python writer (json.dumps with
// ensure_ascii=False, csv.DictWriter) gives for the same fields, so that the
// output does not depend on which path wrote it.
#include <pybind11/pybind11.h>

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <future>
#include <mutex>
#include <string>
#include <string_view>

#include <pybind11/stl.h>

#include "bindings.h"
#include "offsets.h"
#include "zhpolicy/analyzer.h"
#include "zhpolicy/entities.h"
#include "zhpolicy/error.h"
#include "zhpolicy/numbers.h"
#include "zhpolicy/target.h"

namespace zhpolicy {
namespace python {
namespace {

namespace py = pybind11;

// repr() of a Python float: the shortest digits that read back, in fixed
// notation for decimal exponents -5 < e < 16, else d.ddde±XX.
void append_python_float(std::string& out, double x) {
  if (std::isnan(x)) {
    out += "NaN";
    return;
  }
  if (std::isinf(x)) {
    out += x < 0 ? "-Infinity" : "Infinity";
    return;
  }
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof(buf), x, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(res.ptr - buf));
  const bool negative = sci.front() == '-';
  if (negative) sci.remove_prefix(1);
  const size_t e_at = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_at)) {
    if (c != '.') digits += c;
  }
  const int exp10 = std::atoi(std::string(sci.substr(e_at + 1)).c_str());
  if (negative) out += '-';
  if (exp10 < -4 || exp10 >= 16) {
    out += digits[0];
    if (digits.size() > 1) {
      out += '.';
      out.append(digits, 1, std::string::npos);
    }
    char e[8];
    std::snprintf(e, sizeof(e), "e%c%02d", exp10 < 0 ? '-' : '+', std::abs(exp10));
    out += e;
    return;
  }
  if (exp10 < 0) {
    out += "0.";
    out.append(static_cast<size_t>(-exp10 - 1), '0');
    out += digits;
    return;
  }
  const size_t int_digits = static_cast<size_t>(exp10) + 1;
  if (digits.size() <= int_digits) {
    out += digits;
    out.append(int_digits - digits.size(), '0');
    out += ".0";
  } else {
    out.append(digits, 0, int_digits);
    out += '.';
    out.append(digits, int_digits, std::string::npos);
  }
}

// round(x, 4) as Python computes it (correctly rounded from the exact binary value).
double python_round4(double x) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.4f", x);
  return std::strtod(buf, nullptr);
}

// A field: None, a literal written as is (numbers), or a string.
struct Field {
  enum Kind : uint8_t { kNull, kLiteral, kString } kind = kNull;
  std::string_view text;
  static Field null() { return {}; }
  static Field literal(std::string_view t) { return {kLiteral, t}; }
  static Field string(std::string_view t) { return {kString, t}; }
};

// The fields of a record (the CLI's RECORD_FIELDS), and of a target's
// (TARGET_FIELDS: no source; the link and the number's own span instead).
constexpr size_t kFields = 12, kTargetFields = 17;
constexpr std::string_view kKeys[kFields] = {"doc", "layer", "start", "end", "text", "kind", "value", "value_max",
                                        "unit", "qualifier", "score", "source"};
constexpr std::string_view kTargetKeys[kTargetFields] = {
    "doc", "layer", "start", "end", "text", "kind", "value", "value_max", "unit", "qualifier", "score",
    "relation", "modality", "canonical", "number", "number_start", "number_end"};

// Whether a byte must be escaped in a JSON string (a quote, a backslash, a control character).
inline bool json_escaped(char c) {
  return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  // Most strings need no escape: appended whole, not byte by byte.
  size_t plain = 0;
  while (plain < s.size() && !json_escaped(s[plain])) ++plain;
  out.append(s.data(), plain);
  s.remove_prefix(plain);
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (u < 0x20) {
          char esc[8];
          std::snprintf(esc, sizeof(esc), "\\u%04x", u);
          out += esc;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// csv.writer's QUOTE_MINIMAL with lineterminator "\n": quoted when the field
// holds the delimiter, a quote or a line feed; quotes doubled.
void append_csv_field(std::string& out, std::string_view s, char delimiter) {
  const bool quote = s.find_first_of(std::string{delimiter, '"', '\n'}) != std::string_view::npos;
  if (!quote) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// Buffers of about RecordWriter::kChunkBytes, handed back once written and
// handed out again: fresh ones are fresh pages for every chunk, and faulting
// them in cost more than building the records. At most kKept are kept.
class ChunkPool {
 public:
  static ChunkPool& shared() {
    static ChunkPool* pool = new ChunkPool();  // never destroyed: used until exit
    return *pool;
  }
  std::string take(size_t capacity) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!free_.empty()) {
        std::string s = std::move(free_.back());
        free_.pop_back();
        s.clear();
        return s;
      }
    }
    std::string s;
    s.reserve(capacity);
    return s;
  }
  void give(std::string&& s) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (free_.size() < kKept) free_.push_back(std::move(s));
  }

 private:
  static constexpr size_t kKept = 64;
  std::mutex mutex_;
  std::vector<std::string> free_;
};

// The chunks of one text's records, from the task that builds them to the
// thread that writes them, in order, while the rest are still being built.
class ChunkQueue {
 public:
  void push(std::string&& chunk) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      chunks_.push_back(std::move(chunk));
    }
    ready_.notify_one();
  }
  void close() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closed_ = true;
    }
    ready_.notify_one();
  }
  // The next chunk; false once the queue is closed and empty.
  bool pop(std::string& chunk) {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return !chunks_.empty() || closed_; });
    if (chunks_.empty()) return false;
    chunk = std::move(chunks_.front());
    chunks_.pop_front();
    return true;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::string> chunks_;
  bool closed_ = false;
};

class RecordWriter {
 public:
  // Full chunks go to `sink` as they fill; finish() sends the rest.
  explicit RecordWriter(const std::string& format, ChunkQueue* sink)
      : delimiter_(delimiter_of(format)), sink_(sink), out_(ChunkPool::shared().take(kChunkBytes + 4096)) {}
  // The field delimiter of a format (0: JSON Lines); a bad format throws.
  static char delimiter_of(const std::string& format) {
    if (format == "jsonl") return 0;
    if (format == "csv") return ',';
    if (format == "tsv") return '\t';
    throw Error(ErrorCode::kInvalidArgument, "format must be 'jsonl', 'csv' or 'tsv', not '" + format + "'");
  }
  ~RecordWriter() {
    if (out_.capacity() >= kChunkBytes) ChunkPool::shared().give(std::move(out_));
  }
  RecordWriter(const RecordWriter&) = delete;
  RecordWriter& operator=(const RecordWriter&) = delete;
  template <size_t N>
  void write(const Field (&fields)[N]) {
    static_assert(N == kFields || N == kTargetFields, "a record has the fields of one of the key lists");
    const std::string_view* keys = N == kFields ? kKeys : kTargetKeys;
    if (delimiter_ == 0) {
      out_ += '{';
      for (size_t i = 0; i < N; ++i) {
        if (i) out_ += ", ";
        out_ += '"';
        out_ += keys[i];
        out_ += "\": ";
        switch (fields[i].kind) {
          case Field::kNull: out_ += "null"; break;
          case Field::kLiteral: out_ += fields[i].text; break;
          case Field::kString: append_json_string(out_, fields[i].text); break;
        }
      }
      out_ += "}\n";
      next_chunk();
      return;
    }
    for (size_t i = 0; i < N; ++i) {
      if (i) out_ += delimiter_;
      if (fields[i].kind == Field::kString) append_csv_field(out_, fields[i].text, delimiter_);
      else if (fields[i].kind == Field::kLiteral) out_ += fields[i].text;
    }
    out_ += '\n';
    next_chunk();
  }
  // Sends the last chunk and closes the sink.
  void finish() {
    if (!out_.empty()) sink_->push(std::move(out_));
    out_ = std::string();
    sink_->close();
  }


 private:
  // Output grows in chunks of this size, never by reallocating a whole
  // piece's records (40 times the text): growing one string copied it again
  // and again into fresh pages, the writer's main cost.
  static constexpr size_t kChunkBytes = 1 << 20;
  void next_chunk() {
    if (out_.size() < kChunkBytes) return;
    sink_->push(std::move(out_));
    out_ = ChunkPool::shared().take(kChunkBytes + 4096);
  }

  char delimiter_;
  ChunkQueue* sink_;
  std::string out_;
};

std::string number_value(const Decimal& d) {
  if (d.is_integer()) return d.to_string();
  std::string s;
  append_python_float(s, d.to_double());
  return s;
}

// Appends records of one text to a RecordWriter: the text's doc name, where
// it starts in its document (characters), and its byte-to-character map.
class LayerRecords {
 public:
  LayerRecords(RecordWriter& w, std::string_view doc, uint64_t offset, std::string_view utf8)
      : w_(w), doc_(doc), offset_(offset), utf8_(utf8), chars_(utf8) {}

  void tokens(const std::vector<Token>& tokens) {
    for (const Token& t : tokens) {
      span_fields(t.span);
      const Field f[kFields] = {Field::string(doc_), Field::string("token"), Field::literal(start_),
                                Field::literal(end_), Field::string(slice(utf8_, t.span)),
                                Field::string(to_string(t.kind)), Field::null(), Field::null(), Field::null(),
                                Field::null(), Field::null(), Field::null()};
      w_.write(f);
    }
  }
  void numbers(const std::vector<Number>& numbers) {
    for (const Number& n : numbers) {
      span_fields(n.span);
      NumberFields v(n);
      const Field f[kFields] = {Field::string(doc_), Field::string("number"), Field::literal(start_),
                                Field::literal(end_), Field::string(slice(utf8_, n.span)),
                                Field::string(to_string(n.kind)), v.value, v.value_max, v.unit, v.qualifier,
                                Field::null(), Field::null()};
      w_.write(f);
    }
  }
  void entities(const std::vector<Entity>& entities) {
    for (const Entity& e : entities) {
      span_fields(e.span);
      score_.clear();
      append_python_float(score_, python_round4(e.score));
      const Field f[kFields] = {Field::string(doc_), Field::string("entity"), Field::literal(start_),
                                Field::literal(end_), Field::string(slice(utf8_, e.span)),
                                Field::string(to_string(e.type)), Field::null(), Field::null(), Field::null(),
                                Field::null(), Field::literal(score_), Field::string(to_string(e.source))};
      w_.write(f);
    }
  }
  void targets(const std::vector<Target>& targets) {
    std::string number_start, number_end;
    for (const Target& t : targets) {
      span_fields(t.number.span);
      number_start.swap(start_);
      number_end.swap(end_);
      span_fields(t.indicator);
      score_.clear();
      append_python_float(score_, python_round4(t.score));
      NumberFields v(t.number);
      const Field f[kTargetFields] = {
          Field::string(doc_), Field::string("target"), Field::literal(start_), Field::literal(end_),
          Field::string(slice(utf8_, t.indicator)), Field::string(to_string(t.number.kind)), v.value,
          v.value_max, v.unit, v.qualifier, Field::literal(score_), Field::string(to_string(t.relation)),
          Field::string(to_string(t.modality)),
          t.canonical.empty() ? Field::null() : Field::string(t.canonical),
          Field::string(slice(utf8_, t.number.span)), Field::literal(number_start), Field::literal(number_end)};
      w_.write(f);
    }
  }

 private:
  // A number's value fields as Number.to_dict() gives them: dates, times and
  // codes by their ISO text, the others by their value.
  struct NumberFields {
    std::string value_text, value_max_text;
    Field value, value_max, unit, qualifier;
    explicit NumberFields(const Number& n) {
      const bool iso = n.kind == NumberKind::kDate || n.kind == NumberKind::kTime || n.kind == NumberKind::kCode;
      if (!iso) value_text = number_value(n.value);
      if (n.value_max) value_max_text = number_value(*n.value_max);
      value = iso ? Field::string(n.iso) : Field::literal(value_text);
      value_max = n.value_max ? Field::literal(value_max_text) : Field::null();
      unit = n.unit.empty() ? Field::null() : Field::string(n.unit);
      qualifier = n.qualifier == Qualifier::kNone ? Field::null() : Field::string(to_string(n.qualifier));
    }
    NumberFields(const NumberFields&) = delete;  // the fields point into the texts
  };
  void span_fields(ByteSpan s) {
    start_ = std::to_string(offset_ + chars_(s.begin));
    end_ = std::to_string(offset_ + chars_(s.end));
  }

  RecordWriter& w_;
  std::string_view doc_;
  uint64_t offset_;
  std::string_view utf8_;
  CharOffsets chars_;
  std::string start_, end_, score_;
};

// Writes all of `bytes` to `fd`; the errno of a failed write, else 0.
int write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return 0;
}

// Runs `analyze(views)` with the GIL released, then builds each text's
// records (`append(records, result)`) in a task of its own and writes them
// to `fd` in order, a chunk at a time as they are built: memory holds the
// chunks built ahead of the writer, not the output.
template <typename Analyze, typename Append>
void write_records(const py::iterable& texts, const std::vector<std::string>& docs,
                   const std::vector<uint64_t>& offsets, const std::string& format, int fd, Analyze&& analyze,
                   Append&& append) {
  const PyTexts in(texts);
  if (docs.size() != in.views.size() || offsets.size() != in.views.size()) {
    throw Error(ErrorCode::kInvalidArgument, "texts, docs and offsets differ in length");
  }
  RecordWriter::delimiter_of(format);  // a bad format fails before any work
  int error = 0;
  {
    py::gil_scoped_release release;
    const auto results = analyze(in.views);
    std::vector<ChunkQueue> queues(in.views.size());
    std::vector<std::future<void>> built;
    for (size_t i = 0; i < in.views.size(); ++i) {
      built.push_back(std::async(std::launch::async, [&, i] {
        try {
          RecordWriter w(format, &queues[i]);
          LayerRecords records(w, docs[i], offsets[i], in.views[i]);
          append(records, results[i]);
          w.finish();
        } catch (...) {
          queues[i].close();  // the writer stops waiting; get() rethrows
          throw;
        }
      }));
    }
    std::string chunk;
    for (size_t i = 0; i < queues.size(); ++i) {
      while (queues[i].pop(chunk)) {
        if (!error) error = write_all(fd, chunk);
        ChunkPool::shared().give(std::move(chunk));  // reused as soon as written
      }
      built[i].get();
    }
  }
  if (error) {
    errno = error;
    PyErr_SetFromErrno(PyExc_OSError);  // BrokenPipeError for EPIPE
    throw py::error_already_set();
  }
}

// _core.NAME(extractor, texts, docs, offsets, format, n_threads, fd): the
// records of one extractor's extract_many, each result appended by `append`.
template <typename Extractor, typename Append>
void def_extractor_writer(py::module_& m, const char* name, Append append, const char* doc) {
  m.def(
      name,
      [append](const Extractor& extractor, const py::iterable& texts, const std::vector<std::string>& docs,
               const std::vector<uint64_t>& offsets, const std::string& format, unsigned n_threads, int fd) {
        write_records(
            texts, docs, offsets, format, fd,
            [&](const std::vector<std::string_view>& views) { return extractor.extract_many(views, n_threads); },
            append);
      },
      py::arg("extractor"), py::arg("texts"), py::arg("docs"), py::arg("offsets"), py::arg("format"),
      py::arg("n_threads"), py::arg("fd"), doc);
}

}  // namespace

void bind_records(py::module_& m) {
  m.def(
      "write_analysis_records",
      [](const Analyzer& analyzer, const py::iterable& texts, const std::vector<std::string>& docs,
         const std::vector<uint64_t>& offsets, const std::string& format, unsigned n_threads, int fd,
         const std::string& layer, const py::object& contexts) {
        if (layer != "all" && layer != "target") {
          throw Error(ErrorCode::kInvalidArgument, "layer must be 'all' or 'target', not '" + layer + "'");
        }
        const bool pieces = !contexts.is_none();
        std::vector<PieceContext> starts;
        if (pieces) starts = contexts.cast<std::vector<PieceContext>>();
        write_records(
            texts, docs, offsets, format, fd,
            [&](const std::vector<std::string_view>& views) {  // without the GIL
              return pieces ? analyzer.analyze_pieces(views, starts, n_threads)
                            : analyzer.analyze_many(views, n_threads);
            },
            [&](LayerRecords& records, const Document& d) {
              if (layer == "target") {
                records.targets(d.targets());
                return;
              }
              records.tokens(d.tokens());
              records.numbers(d.numbers());
              records.entities(d.entities());
            });
      },
      py::arg("analyzer"), py::arg("texts"), py::arg("docs"), py::arg("offsets"), py::arg("format"),
      py::arg("n_threads"), py::arg("fd"), py::arg("layer") = "all", py::arg("contexts") = py::none(), R"doc(
The records of `zhpolicy analyze --format jsonl|csv|tsv` (one per token,
number and entity; CSV and TSV without the header line) of each text, with
its doc name and offset added to the character offsets, analyzed on
n_threads threads (0: all cores) with the GIL released, written in order to
the file descriptor `fd` (what `zhpolicy analyze --format ...` does with
stdout). With layer="target", the records of `zhpolicy targets` instead
(the CLI's TARGET_FIELDS). With `contexts` (a PieceContext per text), each
text is a piece analyzed from its context (Analyzer.skip_piece). Raises
OSError (BrokenPipeError) when a write fails.

>>> import zhpolicy, os, tempfile
>>> with tempfile.TemporaryFile() as f:
...     zhpolicy._core.write_analysis_records(zhpolicy.Analyzer(), ["新增5家", "重庆"], ["a", "b"], [0, 0],
...                                           "csv", 2, f.fileno())
...     _ = f.seek(0)
...     f.read().decode("utf-8").count("\n")
6
)doc");
  def_extractor_writer<NumberExtractor>(
      m, "write_number_records",
      [](LayerRecords& records, const std::vector<Number>& numbers) { records.numbers(numbers); }, R"doc(
The records of `zhpolicy numbers --format jsonl|csv|tsv`, as write_analysis_records writes the analysis's.

>>> import zhpolicy, tempfile
>>> with tempfile.TemporaryFile() as f:
...     zhpolicy._core.write_number_records(zhpolicy.NumberExtractor(), ["新增5家"], ["a"], [0], "jsonl", 1, f.fileno())
...     _ = f.seek(0)
...     f.read().decode("utf-8").strip()
'{"doc": "a", "layer": "number", "start": 2, "end": 4, "text": "5家", "kind": "quantity", "value": 5, "value_max": null, "unit": "家", "qualifier": null, "score": null, "source": null}'
)doc");
  def_extractor_writer<EntityExtractor>(
      m, "write_entity_records",
      [](LayerRecords& records, const Entities& found) { records.entities(found.entities); }, R"doc(
The records of `zhpolicy entities --format jsonl|csv|tsv`, as write_analysis_records writes the analysis's.

>>> import zhpolicy, tempfile
>>> with tempfile.TemporaryFile() as f:
...     zhpolicy._core.write_entity_records(zhpolicy.EntityExtractor(), ["重庆"], ["a"], [0], "csv", 1, f.fileno())
...     _ = f.seek(0)
...     f.read().decode("utf-8").split(",")[:6]
['a', 'entity', '0', '2', '重庆', 'place']
)doc");
}

}  // namespace python
}  // namespace zhpolicy
