#include "lexicon/word_list.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "zhpolicy/error.h"
#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace internal {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

[[noreturn]] void fail(const std::string& where, size_t line, const std::string& what) {
  throw Error(ErrorCode::kBadFormat, where + ":" + std::to_string(line) + ": " + what);
}

std::string quote(std::string_view s) {
  std::string shown(utf8::prefix(s, 40));
  return "'" + shown + (s.size() > 40 ? "...'" : "'");
}

// Calls on_line(fields, line_no) for every line with content: UTF-8 checked,
// a byte-order mark, '\r', blank lines and '#' comments dropped, fields split
// on spaces and tabs.
template <typename OnLine>
void for_each_line(std::string_view content, const std::string& source_name, OnLine&& on_line) {
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    const size_t bad = utf8::find_invalid(line);
    if (bad != std::string_view::npos) {
      fail(source_name, line_no, "expected UTF-8 text, got an invalid byte at column " +
                                     std::to_string(bad + 1));
    }
    for (size_t k = 0; k < line.size(); ++k) {
      const auto c = static_cast<unsigned char>(line[k]);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        fail(source_name, line_no, "expected text, got control character " + std::to_string(c) + " at column " +
                                       std::to_string(k + 1));
      }
    }
    std::vector<std::string_view> fields;
    size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      if (i == line.size()) break;
      size_t j = i;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
      fields.push_back(line.substr(i, j - i));
      i = j;
    }
    if (fields.empty() || fields[0][0] == '#') continue;
    if (utf8::count_chars(fields[0]) > kMaxWordChars) {
      fail(source_name, line_no, "expected a word of at most " + std::to_string(kMaxWordChars) + " characters, got " +
                                     std::to_string(utf8::count_chars(fields[0])));
    }
    on_line(fields, line_no);
  }
}

uint32_t parse_freq(std::string_view field, const std::string& source_name, size_t line_no) {
  if (field.size() > 9) {
    fail(source_name, line_no, "expected a frequency below 10^9, got " + quote(field));
  }
  const auto freq = static_cast<uint32_t>(std::stoul(std::string(field)));
  if (freq == 0) fail(source_name, line_no, "expected a frequency of at least 1, got 0");
  return freq;
}

}  // namespace

std::vector<UserWord> parse_word_list(std::string_view content, const std::string& source_name) {
  std::vector<UserWord> words;
  for_each_line(content, source_name, [&](const std::vector<std::string_view>& fields, size_t line_no) {
    if (fields.size() > 3) {
      fail(source_name, line_no,
           "expected 'word [freq] [tag]', got " + std::to_string(fields.size()) + " fields");
    }
    UserWord w;
    w.word = std::string(fields[0]);
    size_t next = 1;
    if (next < fields.size() && all_digits(fields[next])) {
      w.freq = parse_freq(fields[next], source_name, line_no);
      ++next;
    }
    if (next < fields.size()) {
      if (fields.size() == 3 && next == 1) {
        fail(source_name, line_no,
             "expected a frequency (digits) as the second field, got " + quote(fields[1]));
      }
      w.tag = std::string(fields[next]);
      ++next;
    }
    words.push_back(std::move(w));
  });
  return words;
}

std::vector<UserWord> parse_entity_list(std::string_view content, const std::string& source_name) {
  std::vector<UserWord> words;
  for_each_line(content, source_name, [&](const std::vector<std::string_view>& fields, size_t line_no) {
    if (fields.size() < 2 || fields.size() > 3) {
      fail(source_name, line_no,
           "expected 'term type [freq]', got " + std::to_string(fields.size()) + " field(s)");
    }
    const auto type = parse_entity_type(fields[1]);
    if (!type) {
      fail(source_name, line_no,
           "expected an entity type (government, organization, company, person, position, place, "
           "meeting, document, slogan), got " + quote(fields[1]));
    }
    UserWord w{std::string(fields[0]), std::nullopt, "", *type};
    if (fields.size() == 3) {
      if (!all_digits(fields[2])) fail(source_name, line_no, "expected a frequency (digits), got " + quote(fields[2]));
      w.freq = parse_freq(fields[2], source_name, line_no);
    }
    words.push_back(std::move(w));
  });
  return words;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(ErrorCode::kNotFound, path + ": cannot open: " + std::strerror(errno));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw Error(ErrorCode::kNotFound, path + ": read error");
  return buffer.str();
}

}  // namespace internal
}  // namespace zhpolicy
