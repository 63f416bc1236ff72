#include "lexicon/jieba_source.h"

#include <cstdlib>
#include <map>
#include <memory>

#include "lexicon/word_list.h"
#include "zhpolicy/error.h"
#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace internal {
namespace {

// A value of a Python dict literal: a number or a dict keyed by strings.
struct PyValue {
  double number = 0;
  std::map<std::string, std::unique_ptr<PyValue>> dict;
  bool is_dict = false;
};

class PyLiteralParser {
 public:
  PyLiteralParser(std::string text, std::string path) : s_(std::move(text)), path_(std::move(path)) {}

  // Parses the dict assigned by the first `P=` in the file.
  PyValue parse_assignment() {
    const size_t at = s_.find("P=");
    if (at == std::string::npos) fail("expected 'P={...}'");
    i_ = at + 2;
    return value();
  }

 private:
  [[noreturn]] void fail(const std::string& what) {
    throw Error(ErrorCode::kBadFormat, path_ + ": byte " + std::to_string(i_) + ": " + what);
  }
  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  PyValue value() {
    skip_space();
    PyValue v;
    if (i_ < s_.size() && s_[i_] == '{') {
      v.is_dict = true;
      ++i_;
      for (;;) {
        skip_space();
        if (i_ < s_.size() && s_[i_] == '}') { ++i_; break; }
        std::string key = string();
        skip_space();
        if (i_ >= s_.size() || s_[i_] != ':') fail("expected ':'");
        ++i_;
        v.dict[key] = std::make_unique<PyValue>(value());
        skip_space();
        if (i_ < s_.size() && s_[i_] == ',') { ++i_; continue; }
        if (i_ < s_.size() && s_[i_] == '}') { ++i_; break; }
        fail("expected ',' or '}'");
      }
      return v;
    }
    const char* begin = s_.c_str() + i_;
    char* end = nullptr;
    v.number = std::strtod(begin, &end);
    if (end == begin) fail("expected a number or '{'");
    i_ += static_cast<size_t>(end - begin);
    return v;
  }
  std::string string() {
    if (i_ < s_.size() && s_[i_] == '(') {
      // A tuple of strings (posseg's ('B', 'nr') keys): its items joined by a space.
      ++i_;
      std::string out;
      for (;;) {
        skip_space();
        if (i_ < s_.size() && s_[i_] == ')') { ++i_; return out; }
        if (!out.empty()) out += ' ';
        out += string();
        skip_space();
        if (i_ < s_.size() && s_[i_] == ',') ++i_;
      }
    }
    if (i_ >= s_.size() || (s_[i_] != '\'' && s_[i_] != '"')) fail("expected a string");
    const char quote = s_[i_++];
    std::string out;
    while (i_ < s_.size() && s_[i_] != quote) {
      if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
        const char e = s_[i_ + 1];
        if (e == 'u' && i_ + 6 <= s_.size()) {
          const unsigned long cp = std::strtoul(s_.substr(i_ + 2, 4).c_str(), nullptr, 16);
          utf8::append(out, static_cast<char32_t>(cp));
          i_ += 6;
          continue;
        }
        out.push_back(e);
        i_ += 2;
        continue;
      }
      out.push_back(s_[i_++]);
    }
    if (i_ >= s_.size()) fail("unterminated string");
    ++i_;
    return out;
  }

  std::string s_;
  std::string path_;
  size_t i_ = 0;
};

constexpr char kStates[4] = {'B', 'M', 'E', 'S'};

PyValue read_literal(const std::string& path) {
  return PyLiteralParser(read_file(path), path).parse_assignment();
}

}  // namespace

HmmTables read_finalseg(const std::string& folder) {
  HmmTables t;
  t.start.fill(-3.14e38f);
  t.trans.fill(-3.14e38f);
  const PyValue start = read_literal(folder + "/prob_start.py");
  const PyValue trans = read_literal(folder + "/prob_trans.py");
  const PyValue emit = read_literal(folder + "/prob_emit.py");
  auto clamp = [](double x) { return static_cast<float>(x < -3e38 ? -3e38 : x); };
  std::map<char32_t, std::array<float, 4>> rows;
  for (int s = 0; s < 4; ++s) {
    const std::string key(1, kStates[s]);
    if (auto it = start.dict.find(key); it != start.dict.end()) t.start[s] = clamp(it->second->number);
    if (auto it = trans.dict.find(key); it != trans.dict.end()) {
      for (int to = 0; to < 4; ++to) {
        auto jt = it->second->dict.find(std::string(1, kStates[to]));
        if (jt != it->second->dict.end()) t.trans[s * 4 + to] = clamp(jt->second->number);
      }
    }
    auto it = emit.dict.find(key);
    if (it == emit.dict.end()) {
      throw Error(ErrorCode::kBadFormat, folder + "/prob_emit.py: no table for state " + key);
    }
    for (const auto& [ch, value] : it->second->dict) {
      size_t len;
      const char32_t c = utf8::decode(ch, 0, len);
      if (c == utf8::kInvalid || len != ch.size()) continue;
      auto [row, inserted] = rows.try_emplace(c);
      if (inserted) row->second.fill(-3e38f);
      row->second[s] = clamp(value->number);
    }
  }
  for (const auto& kv : rows) t.emit.push_back(kv);
  return t;
}

std::map<std::string, std::vector<std::pair<char32_t, float>>> read_posseg_emission(const std::string& folder) {
  const PyValue emit = read_literal(folder + "/prob_emit.py");
  std::map<std::string, std::vector<std::pair<char32_t, float>>> out;
  for (const auto& [state, table] : emit.dict) {
    if (!table->is_dict) throw Error(ErrorCode::kBadFormat, folder + "/prob_emit.py: state '" + state + "' has no table");
    auto& row = out[state];
    for (const auto& [ch, value] : table->dict) {
      size_t len;
      const char32_t c = utf8::decode(ch, 0, len);
      if (c == utf8::kInvalid || len != ch.size()) continue;
      row.emplace_back(c, static_cast<float>(value->number));
    }
  }
  if (out.empty()) throw Error(ErrorCode::kBadFormat, folder + "/prob_emit.py: no states");
  return out;
}

}  // namespace internal
}  // namespace zhpolicy
