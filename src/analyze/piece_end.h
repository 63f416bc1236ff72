// src/analyze/piece_end.h — where a bounded piece of a text ends (shared by
// PieceReader and Analyzer::analyze of a long text).
#ifndef ZHPOLICY_SRC_ANALYZE_PIECE_END_H_
#define ZHPOLICY_SRC_ANALYZE_PIECE_END_H_

#include <cstddef>
#include <string_view>

namespace zhpolicy {
namespace internal {

// The length of the piece that starts `buf` and holds at most `limit` bytes:
// up to its last line end (before the run of white space holding it when
// white space follows, so that the run stays whole in the next piece), else
// its last sentence end (。！？；), else the last character boundary (`limit`
// in bytes that are not UTF-8).
size_t piece_end(std::string_view buf, size_t limit);

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_ANALYZE_PIECE_END_H_
