// src/util/buffers.h — what per-thread scratch buffers hold, so that a
// workspace can give its memory back after a huge text.
#ifndef ZHPOLICY_SRC_UTIL_BUFFERS_H_
#define ZHPOLICY_SRC_UTIL_BUFFERS_H_

#include <cstddef>

namespace zhpolicy {
namespace internal {

// Bytes a workspace may keep between calls; more is released after a call.
inline constexpr size_t kWorkspaceKeepBytes = size_t(64) << 20;

// The bytes the vectors hold (their capacity, not their size).
template <typename... Vectors>
size_t bytes_held(const Vectors&... v) {
  return (size_t(0) + ... + (v.capacity() * sizeof(typename Vectors::value_type)));
}

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_UTIL_BUFFERS_H_
