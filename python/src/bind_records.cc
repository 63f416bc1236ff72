// The command line's records (JSON Lines, CSV, TSV) of an analyzed text,
// built in C++ with the GIL released: one record per token, number and
// entity, byte for byte what the Python writer (json.dumps with
// ensure_ascii=False, csv.DictWriter) gives for the same fields, so that the
// output does not depend on which path wrote it.
#include <pybind11/pybind11.h>

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <future>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <pybind11/stl.h>

#include "bindings.h"
#include "offsets.h"
#include "zhpolicy/analyzer.h"
#include "zhpolicy/error.h"

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

constexpr const char* kKeys[] = {"doc", "layer", "start", "end", "text", "kind", "value", "value_max", "unit",
                                 "qualifier", "score", "source"};
constexpr size_t kFields = std::size(kKeys);

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
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

class RecordWriter {
 public:
  explicit RecordWriter(const std::string& format) {
    if (format == "jsonl") delimiter_ = 0;
    else if (format == "csv") delimiter_ = ',';
    else if (format == "tsv") delimiter_ = '\t';
    else throw Error(ErrorCode::kInvalidArgument, "format must be 'jsonl', 'csv' or 'tsv', not '" + format + "'");
  }
  void write(const Field (&fields)[kFields]) {
    if (delimiter_ == 0) {
      out_ += '{';
      for (size_t i = 0; i < kFields; ++i) {
        if (i) out_ += ", ";
        out_ += '"';
        out_ += kKeys[i];
        out_ += "\": ";
        switch (fields[i].kind) {
          case Field::kNull: out_ += "null"; break;
          case Field::kLiteral: out_ += fields[i].text; break;
          case Field::kString: append_json_string(out_, fields[i].text); break;
        }
      }
      out_ += "}\n";
      return;
    }
    for (size_t i = 0; i < kFields; ++i) {
      if (i) out_ += delimiter_;
      if (fields[i].kind == Field::kString) append_csv_field(out_, fields[i].text, delimiter_);
      else if (fields[i].kind == Field::kLiteral) out_ += fields[i].text;
    }
    out_ += '\n';
  }
  std::string& out() { return out_; }

 private:
  char delimiter_ = 0;
  std::string out_;
};

std::string number_value(const Decimal& d) {
  if (d.is_integer()) return d.to_string();
  std::string s;
  append_python_float(s, d.to_double());
  return s;
}

// The records of one analyzed text: tokens, numbers, entities, in that order.
std::string analysis_records(std::string_view doc_name, uint64_t offset, std::string_view utf8, const Document& d,
                             const std::string& format) {
  RecordWriter w(format);
  w.out().reserve(utf8.size() * 8);
  const CharOffsets chars(utf8);
  std::string start, end, value, value_max, score;
  auto span_fields = [&](ByteSpan s) {
    start = std::to_string(offset + chars(s.begin));
    end = std::to_string(offset + chars(s.end));
  };
  for (const Token& t : d.tokens()) {
    span_fields(t.span);
    const Field f[kFields] = {Field::string(doc_name), Field::string("token"), Field::literal(start),
                              Field::literal(end), Field::string(slice(utf8, t.span)),
                              Field::string(to_string(t.kind)), Field::null(), Field::null(), Field::null(),
                              Field::null(), Field::null(), Field::null()};
    w.write(f);
  }
  for (const Number& n : d.numbers()) {
    span_fields(n.span);
    const bool iso = n.kind == NumberKind::kDate || n.kind == NumberKind::kTime || n.kind == NumberKind::kCode;
    if (!iso) value = number_value(n.value);
    if (n.value_max) value_max = number_value(*n.value_max);
    const Field f[kFields] = {
        Field::string(doc_name), Field::string("number"), Field::literal(start), Field::literal(end),
        Field::string(slice(utf8, n.span)), Field::string(to_string(n.kind)),
        iso ? Field::string(n.iso) : Field::literal(value),
        n.value_max ? Field::literal(value_max) : Field::null(),
        n.unit.empty() ? Field::null() : Field::string(n.unit),
        n.qualifier == Qualifier::kNone ? Field::null() : Field::string(to_string(n.qualifier)),
        Field::null(), Field::null()};
    w.write(f);
  }
  for (const Entity& e : d.entities()) {
    span_fields(e.span);
    score.clear();
    append_python_float(score, python_round4(e.score));
    const Field f[kFields] = {Field::string(doc_name), Field::string("entity"), Field::literal(start),
                              Field::literal(end), Field::string(slice(utf8, e.span)),
                              Field::string(to_string(e.type)), Field::null(), Field::null(), Field::null(),
                              Field::null(), Field::literal(score), Field::string(to_string(e.source))};
    w.write(f);
  }
  return std::move(w.out());
}

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

}  // namespace

void bind_records(py::module_& m) {
  m.def(
      "write_analysis_records",
      [](const Analyzer& analyzer, const py::iterable& texts, const std::vector<std::string>& docs,
         const std::vector<uint64_t>& offsets, const std::string& format, unsigned n_threads, int fd) {
        const PyTexts in(texts);
        if (docs.size() != in.views.size() || offsets.size() != in.views.size()) {
          throw Error(ErrorCode::kInvalidArgument, "write_analysis_records: texts, docs and offsets differ in length");
        }
        RecordWriter check(format);  // a bad format fails before any work
        int error = 0;
        {
          py::gil_scoped_release release;
          const std::vector<Document> analyzed = analyzer.analyze_many(in.views, n_threads);
          // One task per text to build its records (the CLI passes a few
          // pieces per thread at a time), written to fd in order as each is
          // done and freed: memory holds a batch, not the output.
          std::vector<std::future<std::string>> built;
          for (size_t i = 0; i < in.views.size(); ++i) {
            built.push_back(std::async(std::launch::async, [&, i] {
              return analysis_records(docs[i], offsets[i], in.views[i], analyzed[i], format);
            }));
          }
          for (auto& b : built) {
            const std::string block = b.get();
            if (!error) error = write_all(fd, block);
          }
        }
        if (error) {
          errno = error;
          PyErr_SetFromErrno(PyExc_OSError);  // BrokenPipeError for EPIPE
          throw py::error_already_set();
        }
      },
      py::arg("analyzer"), py::arg("texts"), py::arg("docs"), py::arg("offsets"), py::arg("format"),
      py::arg("n_threads"), py::arg("fd"), R"doc(
The records of `zhpolicy analyze --format jsonl|csv|tsv` (one per token,
number and entity; CSV and TSV without the header line) of each text, with
its doc name and offset added to the character offsets, analyzed on
n_threads threads (0: all cores) with the GIL released, written in order to
the file descriptor `fd` (what `zhpolicy analyze --format ...` does with
stdout). Raises OSError (BrokenPipeError) when a write fails.

>>> import zhpolicy, os, tempfile
>>> with tempfile.TemporaryFile() as f:
...     zhpolicy._core.write_analysis_records(zhpolicy.Analyzer(), ["新增5家", "重庆"], ["a", "b"], [0, 0],
...                                           "csv", 2, f.fileno())
...     _ = f.seek(0)
...     f.read().decode("utf-8").count("\n")
6
)doc");
}

}  // namespace python
}  // namespace zhpolicy
