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

// A value of a Python dict literal: a number, a dict keyed by strings, or a
// tuple of strings (posseg's char_state_tab: a tuple of state tuples).
struct PyValue {
  double number = 0;
  std::map<std::string, std::unique_ptr<PyValue>> dict;
  std::vector<std::string> items;
  bool is_dict = false;
  bool is_tuple = false;
};

class PyLiteralParser {
 public:
  PyLiteralParser(std::string text, std::string path) : s_(std::move(text)), path_(std::move(path)) {}

  // Parses the dict assigned by the first `P=` in the file.
  PyValue parse_assignment() {
    const size_t assignment = s_.find("P=");
    if (assignment == std::string::npos) fail("expected 'P={...}'");
    i_ = assignment + 2;
    return value();
  }

 private:
  [[noreturn]] void fail(const std::string& what) {
    throw Error(ErrorCode::kBadFormat, path_ + ": byte " + std::to_string(i_) + ": " + what);
  }
  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  bool at(char c) const { return i_ < s_.size() && s_[i_] == c; }
  // A bracketed sequence at i_: items separated by commas (a trailing one
  // allowed) up to `close`, each read by read_item.
  template <typename ReadItem>
  void sequence(char close, ReadItem read_item) {
    ++i_;  // the opening bracket
    for (;;) {
      skip_space();
      if (at(close)) break;
      read_item();
      skip_space();
      if (at(',')) {
        ++i_;
        continue;
      }
      if (!at(close)) fail(std::string("expected ',' or '") + close + "'");
      break;
    }
    ++i_;
  }
  PyValue value() {
    skip_space();
    PyValue v;
    if (at('{')) {
      v.is_dict = true;
      sequence('}', [&] {
        std::string key = string();
        skip_space();
        if (!at(':')) fail("expected ':'");
        ++i_;
        v.dict[key] = std::make_unique<PyValue>(value());
      });
      return v;
    }
    if (at('(')) {
      v.is_tuple = true;
      sequence(')', [&] { v.items.push_back(string()); });
      return v;
    }
    const char* begin = s_.c_str() + i_;
    char* end = nullptr;
    v.number = std::strtod(begin, &end);
    if (end == begin) fail("expected a number, '{' or '('");
    i_ += static_cast<size_t>(end - begin);
    return v;
  }
  std::string string() {
    if (at('(')) {
      // A tuple of strings (posseg's ('B', 'nr') keys): its items joined by a space.
      std::string out;
      sequence(')', [&] {
        if (!out.empty()) out += ' ';
        out += string();
      });
      return out;
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

namespace {

// Each state's row of posseg/prob_emit.py ("B nr" -> (character, log p)), in
// the order of the states' names; keys that are not one character are
// skipped (the file holds none).
std::map<std::string, std::vector<std::pair<char32_t, double>>> posseg_emission_rows(const std::string& folder) {
  const PyValue emit = read_literal(folder + "/prob_emit.py");
  std::map<std::string, std::vector<std::pair<char32_t, double>>> out;
  for (const auto& [state, table] : emit.dict) {
    if (!table->is_dict) throw Error(ErrorCode::kBadFormat, folder + "/prob_emit.py: state '" + state + "' has no table");
    auto& row = out[state];
    for (const auto& [ch, value] : table->dict) {
      size_t len;
      const char32_t c = utf8::decode(ch, 0, len);
      if (c == utf8::kInvalid || len != ch.size()) continue;
      row.emplace_back(c, value->number);
    }
  }
  if (out.empty()) throw Error(ErrorCode::kBadFormat, folder + "/prob_emit.py: no states");
  return out;
}

}  // namespace

std::map<std::string, std::vector<std::pair<char32_t, float>>> read_posseg_emission(const std::string& folder) {
  std::map<std::string, std::vector<std::pair<char32_t, float>>> out;
  for (const auto& [state, row] : posseg_emission_rows(folder)) {
    auto& to = out[state];
    for (const auto& [c, p] : row) to.emplace_back(c, static_cast<float>(p));
  }
  return out;
}

PossegTables read_posseg_hmm(const std::string& folder) {
  const PyValue start = read_literal(folder + "/prob_start.py");
  const PyValue trans = read_literal(folder + "/prob_trans.py");
  auto emit = posseg_emission_rows(folder);
  const PyValue allowed = read_literal(folder + "/char_state_tab.py");
  auto bad = [&](const std::string& file, const std::string& what) {
    throw Error(ErrorCode::kBadFormat, folder + "/" + file + ": " + what);
  };
  PossegTables t;
  std::map<std::string, uint32_t> index;  // "B nr" -> state
  for (const auto& [key, row] : emit) {
    if (key.size() < 3 || key[1] != ' ') bad("prob_emit.py", "a state that is not (position, tag): " + key);
    index.emplace(key, static_cast<uint32_t>(t.states.size()));
    t.states.emplace_back(key[0], key.substr(2));
  }
  auto state_of = [&](const std::string& file, const std::string& key) {
    const auto it = index.find(key);
    if (it == index.end()) bad(file, "a state prob_emit.py does not have: " + key);
    return it->second;
  };
  auto code_point = [&](const std::string& file, const std::string& ch) {
    size_t len;
    const char32_t c = utf8::decode(ch, 0, len);
    if (c == utf8::kInvalid || len != ch.size()) bad(file, "a key that is not one character");
    return c;
  };
  const size_t n = t.states.size();
  t.start.assign(n, posseg_hmm::kFloorEmission);
  t.trans.resize(n);
  t.emit.resize(n);
  if (!start.is_dict) bad("prob_start.py", "not a dict");
  if (!trans.is_dict) bad("prob_trans.py", "not a dict");
  if (!allowed.is_dict) bad("char_state_tab.py", "not a dict");
  for (const auto& [key, value] : start.dict) {
    if (value->is_dict || value->is_tuple) bad("prob_start.py", "a value that is not a number");
    t.start[state_of("prob_start.py", key)] = value->number;
  }
  for (const auto& [key, row] : trans.dict) {
    if (!row->is_dict) bad("prob_trans.py", "a row that is not a dict");
    auto& out = t.trans[state_of("prob_trans.py", key)];
    for (const auto& [to, value] : row->dict) out.emplace_back(state_of("prob_trans.py", to), value->number);
  }
  for (auto& [key, row] : emit) t.emit[state_of("prob_emit.py", key)] = std::move(row);
  for (const auto& [ch, states] : allowed.dict) {
    if (!states->is_tuple) bad("char_state_tab.py", "a value that is not a tuple of states");
    std::vector<uint32_t> row;
    for (const std::string& s : states->items) row.push_back(state_of("char_state_tab.py", s));
    t.allowed.emplace_back(code_point("char_state_tab.py", ch), std::move(row));
  }
  return t;
}

}  // namespace internal
}  // namespace zhpolicy
