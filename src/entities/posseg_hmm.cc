#include "entities/posseg_hmm.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <tuple>
#include <type_traits>

#include "zhpolicy/error.h"

namespace zhpolicy {
namespace internal {
namespace {

using namespace posseg_hmm;

template <typename T>
void append(std::string& out, const T* data, size_t count) {
  out.append(reinterpret_cast<const char*>(data), count * sizeof(T));
}

size_t align8(size_t n) { return (n + 7) & ~size_t(7); }

}  // namespace

std::string build_posseg_hmm(PossegTables tables) {
  auto bad = [](const std::string& what) { throw Error(ErrorCode::kInvalidArgument, "posseg tables: " + what); };
  const size_t s_count = tables.states.size();
  if (s_count == 0 || s_count > kMaxStates) bad("between 1 and 256 states expected");
  if (tables.start.size() != s_count || tables.trans.size() != s_count || tables.emit.size() != s_count) {
    bad("a table has the wrong number of states");
  }
  // States in the order Python compares jieba's (position, tag) tuples: the
  // decoder breaks ties as jieba's max() does, towards the greater state.
  std::vector<uint32_t> order(s_count);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return tables.states[a] < tables.states[b]; });
  std::vector<uint32_t> rank(s_count);
  for (uint32_t k = 0; k < s_count; ++k) rank[order[k]] = k;
  auto state = [&](uint32_t old) {
    if (old >= s_count) bad("a state index out of range");
    return static_cast<uint8_t>(rank[old]);
  };

  std::vector<StateName> names(s_count);
  std::vector<double> start(s_count);
  std::vector<uint32_t> trans_begin{0};
  std::vector<uint8_t> trans_to;
  std::vector<double> trans_logp;
  for (uint32_t k = 0; k < s_count; ++k) {
    const auto& [position, tag] = tables.states[order[k]];
    if (std::string_view("BMES").find(position) == std::string_view::npos) bad("a position other than B M E S");
    if (tag.empty() || tag.size() >= sizeof(names[k].tag)) bad("a tag of 1 to 6 bytes expected: '" + tag + "'");
    names[k].position = position;
    std::memcpy(names[k].tag, tag.data(), tag.size());
    start[k] = tables.start[order[k]];
    auto row = tables.trans[order[k]];
    for (auto& [to, p] : row) to = state(to);
    std::sort(row.begin(), row.end());
    for (const auto& [to, p] : row) {
      trans_to.push_back(static_cast<uint8_t>(to));
      trans_logp.push_back(p);
    }
    trans_begin.push_back(static_cast<uint32_t>(trans_to.size()));
  }

  // Per character: the allowed states, then the others that emit it.
  struct Entry {
    bool not_allowed;
    uint8_t state;
    double logp;
    bool operator<(const Entry& o) const { return std::tie(not_allowed, state) < std::tie(o.not_allowed, o.state); }
  };
  struct CharRow {
    char32_t c;
    bool any_state;  // char_state_tab has no row for it: every state is allowed
    std::vector<Entry> entries;
  };
  std::vector<CharRow> by_char;
  {
    std::vector<std::pair<char32_t, Entry>> flat;
    for (uint32_t old = 0; old < s_count; ++old) {
      for (const auto& [c, p] : tables.emit[old]) flat.push_back({c, {true, state(old), p}});
    }
    std::stable_sort(flat.begin(), flat.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second.state < b.second.state;
    });
    std::vector<std::pair<char32_t, std::vector<uint8_t>>> allowed;
    for (const auto& [c, states] : tables.allowed) {
      std::vector<uint8_t> row;
      for (uint32_t s : states) row.push_back(state(s));
      allowed.emplace_back(c, std::move(row));
    }
    std::sort(allowed.begin(), allowed.end());
    constexpr char32_t kPastAll = 0x110000;
    size_t f = 0, a = 0;
    while (f < flat.size() || a < allowed.size()) {
      const char32_t c = std::min(f < flat.size() ? flat[f].first : kPastAll, a < allowed.size() ? allowed[a].first : kPastAll);
      CharRow row{c, true, {}};
      for (; f < flat.size() && flat[f].first == c; ++f) row.entries.push_back(flat[f].second);
      if (a < allowed.size() && allowed[a].first == c) {
        row.any_state = false;
        for (uint8_t s : allowed[a].second) {
          auto it = std::find_if(row.entries.begin(), row.entries.end(), [&](const Entry& e) { return e.state == s; });
          if (it == row.entries.end()) {
            row.entries.push_back({false, s, kFloorEmission});
          } else {
            it->not_allowed = false;
          }
        }
        ++a;
      }
      std::sort(row.entries.begin(), row.entries.end());
      row.entries.erase(std::unique(row.entries.begin(), row.entries.end(),
                                    [](const Entry& x, const Entry& y) { return x.state == y.state; }),
                        row.entries.end());
      by_char.push_back(std::move(row));
    }
  }
  std::vector<uint32_t> keys, key_entries{0}, key_allowed;
  std::vector<uint8_t> emit_state;
  std::vector<double> emit_logp;
  for (const CharRow& row : by_char) {
    keys.push_back(static_cast<uint32_t>(row.c));
    uint32_t allowed = 0;
    for (const Entry& e : row.entries) {
      emit_state.push_back(e.state);
      emit_logp.push_back(e.logp);
      if (!e.not_allowed) ++allowed;
    }
    key_allowed.push_back(row.any_state ? kAllStates : allowed);
    key_entries.push_back(static_cast<uint32_t>(emit_state.size()));
  }

  Header header{};
  std::memcpy(header.magic, kMagic, 4);
  header.version = kVersion;
  header.state_count = static_cast<uint32_t>(s_count);
  header.trans_count = static_cast<uint32_t>(trans_to.size());
  header.key_count = static_cast<uint32_t>(keys.size());
  header.entry_count = static_cast<uint32_t>(emit_state.size());
  std::string out;
  append(out, &header, 1);
  append(out, names.data(), names.size());
  append(out, start.data(), start.size());
  append(out, trans_logp.data(), trans_logp.size());
  append(out, emit_logp.data(), emit_logp.size());
  append(out, keys.data(), keys.size());
  append(out, key_entries.data(), key_entries.size());
  append(out, key_allowed.data(), key_allowed.size());
  append(out, trans_begin.data(), trans_begin.size());
  append(out, trans_to.data(), trans_to.size());
  append(out, emit_state.data(), emit_state.size());
  out.resize(align8(out.size()), '\0');
  return out;
}

PossegHmm::PossegHmm(std::string_view section) {
  auto bad = [](const std::string& what) { throw Error(ErrorCode::kBadFormat, "posseg section: " + what); };
  if (section.size() < sizeof(Header)) bad("shorter than its header");
  if (reinterpret_cast<uintptr_t>(section.data()) % 8 != 0) bad("misaligned");
  header_ = reinterpret_cast<const Header*>(section.data());
  if (std::memcmp(header_->magic, kMagic, 4) != 0) bad("wrong magic");
  if (header_->version != kVersion) {
    throw Error(ErrorCode::kVersionMismatch, "posseg model version " + std::to_string(header_->version) +
                                                 ", expected " + std::to_string(kVersion) + ": recompile the lexicon");
  }
  const uint64_t s = header_->state_count, t = header_->trans_count, k = header_->key_count, e = header_->entry_count;
  if (s == 0 || s > kMaxStates) bad("between 1 and 256 states expected");
  const uint64_t size = sizeof(Header) + s * sizeof(StateName) + 8 * (s + t + e) + 4 * (k + k + 1 + k + s + 1) + t + e;
  if (align8(size) != section.size()) bad("wrong size for its counts");
  const char* p = section.data() + sizeof(Header);
  auto take = [&](auto*& field, uint64_t count) {
    field = reinterpret_cast<std::remove_reference_t<decltype(field)>>(p);
    p += count * sizeof(*field);
  };
  take(names_, s);
  take(start_, s);
  take(trans_logp_, t);
  take(emit_logp_, e);
  take(keys_, k);
  take(key_entries_, k + 1);
  take(key_allowed_, k);
  take(trans_begin_, s + 1);
  take(trans_to_, t);
  take(emit_state_, e);
  // Everything the decoder indexes with is checked here, once.
  if (key_entries_[0] != 0 || key_entries_[k] != e) bad("entry offsets do not cover the entries");
  for (uint64_t i = 0; i < k; ++i) {
    if (key_entries_[i] > key_entries_[i + 1]) bad("entry offsets out of order");
    if (i > 0 && keys_[i - 1] >= keys_[i]) bad("keys out of order");
    if (key_allowed_[i] != kAllStates && key_allowed_[i] > key_entries_[i + 1] - key_entries_[i]) {
      bad("more allowed states than entries");
    }
  }
  if (trans_begin_[0] != 0 || trans_begin_[s] != t) bad("transition offsets do not cover the transitions");
  for (uint64_t i = 0; i < s; ++i) {
    if (trans_begin_[i] > trans_begin_[i + 1]) bad("transition offsets out of order");
  }
  for (uint64_t i = 0; i < t; ++i) {
    if (trans_to_[i] >= s || std::isnan(trans_logp_[i])) bad("a bad transition");
  }
  for (uint64_t i = 0; i < e; ++i) {
    if (emit_state_[i] >= s || std::isnan(emit_logp_[i])) bad("a bad emission");
  }
  for (uint64_t i = 0; i < s; ++i) {
    if (std::isnan(start_[i])) bad("a bad start probability");
    if (std::string_view("BMES").find(names_[i].position) == std::string_view::npos || names_[i].position == '\0') {
      bad("a position other than B M E S");
    }
    if (std::memchr(names_[i].tag, '\0', sizeof(names_[i].tag)) == nullptr) bad("an unterminated tag");
    tags_.emplace_back(names_[i].tag);
  }
  // Transitions as a dense table for the decoder (-inf: none): the sparse
  // lists make it walk every successor of every state reached.
  trans_.assign(s * s, -std::numeric_limits<double>::infinity());
  for (uint64_t i = 0; i < s; ++i) {
    for (uint32_t k = trans_begin_[i]; k < trans_begin_[i + 1]; ++k) trans_[i * s + trans_to_[k]] = trans_logp_[k];
  }
  // Each state's predecessors, ascending.
  pred_begin_.assign(s + 1, 0);
  for (uint64_t to = 0; to < s; ++to) {
    for (uint64_t from = 0; from < s; ++from) {
      if (trans_[from * s + to] != -std::numeric_limits<double>::infinity()) pred_from_.push_back(static_cast<uint8_t>(from));
    }
    pred_begin_[to + 1] = static_cast<uint32_t>(pred_from_.size());
  }
  std::sort(tags_.begin(), tags_.end());
  tags_.erase(std::unique(tags_.begin(), tags_.end()), tags_.end());
  for (uint64_t i = 0; i < s; ++i) {
    state_tag_.push_back(static_cast<uint16_t>(std::lower_bound(tags_.begin(), tags_.end(), names_[i].tag) - tags_.begin()));
  }
}

int PossegHmm::tag_id(std::string_view tag) const {
  const auto it = std::lower_bound(tags_.begin(), tags_.end(), tag);
  return it != tags_.end() && *it == tag ? static_cast<int>(it - tags_.begin()) : -1;
}

bool PossegHmm::entries(char32_t c, uint32_t& first, uint32_t& last, uint32_t& allowed) const {
  const uint32_t* end = keys_ + header_->key_count;
  const uint32_t* it = std::lower_bound(keys_, end, static_cast<uint32_t>(c));
  if (it == end || *it != static_cast<uint32_t>(c)) return false;
  const auto k = static_cast<size_t>(it - keys_);
  first = key_entries_[k];
  last = key_entries_[k + 1];
  allowed = key_allowed_[k];
  return true;
}

double PossegHmm::emission(uint32_t state, uint32_t first, uint32_t last) const {
  for (uint32_t i = first; i < last; ++i) {
    if (emit_state_[i] == state) return emit_logp_[i];
  }
  return kFloorEmission;
}

void PossegHmm::cut(const char32_t* cps, uint32_t n, std::vector<PossegWord>& out, PossegScratch& scratch) const {
  if (n == 0) return;
  const uint32_t s_count = header_->state_count;
  constexpr double kMissing = -std::numeric_limits<double>::infinity();
  PossegScratch& w = scratch;
  w.from.resize(size_t(n) * s_count);
  w.before.assign(s_count, kMissing);
  w.now.assign(s_count, kMissing);
  w.emit.resize(s_count);
  if (w.mark.size() != s_count) w.mark.assign(s_count, 0);
  auto next_stamp = [&] {
    if (++w.stamp == 0) {  // (once every 2^32 steps: the marks are cleared)
      std::fill(w.mark.begin(), w.mark.end(), 0);
      w.stamp = 1;
    }
  };
  // The states allowed for `c` (ascending), each with its emission in w.emit.
  auto allowed_states = [&](char32_t c, std::vector<uint32_t>& into) {
    uint32_t first = 0, last = 0, allowed = kAllStates;
    into.clear();
    if (entries(c, first, last, allowed) && allowed != kAllStates) {
      for (uint32_t i = first; i < first + allowed; ++i) {
        into.push_back(emit_state_[i]);
        w.emit[emit_state_[i]] = emit_logp_[i];
      }
      return;
    }
    for (uint32_t y = 0; y < s_count; ++y) {
      into.push_back(y);
      w.emit[y] = emission(y, first, last);
    }
  };
  allowed_states(cps[0], w.reached);
  for (uint32_t y : w.reached) w.before[y] = start_[y] + w.emit[y];
  for (uint32_t t = 1; t < n; ++t) {
    // The predecessors: the states reached that have a successor (jieba
    // fails when none has; then every state reached is one).
    w.prev.clear();
    for (uint32_t y : w.reached) {
      if (trans_begin_[y] != trans_begin_[y + 1]) w.prev.push_back(y);
    }
    if (w.prev.empty()) w.prev = w.reached;
    uint8_t* came = &w.from[size_t(t) * s_count];
    // Each state of cps[t] from its best predecessor, in ascending order of
    // predecessors: a tie goes to the greater, as jieba's max() over
    // (value, state). Only states a predecessor leads to are reached.
    // (A state a few states lead to, a word's middle or end, is reached
    // from its list of those; others from the predecessors.)
    next_stamp();
    for (uint32_t y0 : w.prev) w.mark[y0] = w.stamp;
    auto best_from = [&](uint32_t y, bool finite_only) {
      double best = kMissing;
      bool found = false;
      auto consider = [&](uint32_t y0, double tr) {
        const double v = w.before[y0] + tr + w.emit[y];
        if (!found || v >= best) {
          best = v;
          came[y] = static_cast<uint8_t>(y0);
          found = true;
        }
      };
      if (finite_only && pred_begin_[y + 1] - pred_begin_[y] < w.prev.size()) {
        for (uint32_t i = pred_begin_[y]; i < pred_begin_[y + 1]; ++i) {
          if (w.mark[pred_from_[i]] == w.stamp) consider(pred_from_[i], trans_[size_t(pred_from_[i]) * s_count + y]);
        }
      } else {
        for (uint32_t y0 : w.prev) {
          const double tr = trans_[size_t(y0) * s_count + y];
          if (!finite_only || tr != kMissing) consider(y0, tr);
        }
      }
      w.now[y] = best;
      return found;
    };
    allowed_states(cps[t], w.allowed);
    w.reached.clear();
    for (uint32_t y : w.allowed) {
      if (best_from(y, /*finite_only=*/true)) w.reached.push_back(y);
    }
    if (w.reached.empty()) {
      // None of the states allowed follows: every state that follows a
      // predecessor (or, if there is none, every state allowed).
      next_stamp();
      for (uint32_t x : w.prev) {
        for (uint32_t i = trans_begin_[x]; i < trans_begin_[x + 1]; ++i) {
          if (w.mark[trans_to_[i]] != w.stamp) {
            w.mark[trans_to_[i]] = w.stamp;
            w.reached.push_back(trans_to_[i]);
          }
        }
      }
      if (w.reached.empty()) w.reached = w.allowed;
      std::sort(w.reached.begin(), w.reached.end());
      uint32_t first = 0, last = 0, allowed = 0;
      entries(cps[t], first, last, allowed);
      for (uint32_t y : w.reached) {
        w.emit[y] = emission(y, first, last);
        best_from(y, /*finite_only=*/false);
      }
    }
    for (uint32_t y : w.reached) w.before[y] = w.now[y];
  }
  // The best final state (ties: the greater), then back along the path.
  uint32_t state = w.reached.front();
  for (uint32_t y : w.reached) {
    if (w.before[y] >= w.before[state]) state = y;
  }
  w.path.resize(n);
  for (uint32_t t = n; t-- > 0;) {
    w.path[t] = static_cast<uint8_t>(state);
    if (t > 0) state = w.from[size_t(t) * s_count + state];
  }
  // Words as jieba's posseg reads the path: B … E, or S; a word left open at
  // the end runs to the end with its first state's tag.
  uint32_t begin = 0, next = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const char position = names_[w.path[i]].position;
    if (position == 'B') {
      begin = i;
    } else if (position == 'E') {
      out.push_back({begin, i + 1, state_tag_[w.path[i]]});
      next = i + 1;
    } else if (position == 'S') {
      out.push_back({i, i + 1, state_tag_[w.path[i]]});
      next = i + 1;
    }
  }
  if (next < n) out.push_back({next, n, state_tag_[w.path[next]]});
}

}  // namespace internal
}  // namespace zhpolicy
