// src/util/worker_pool.h — the process's worker threads for the batch APIs.
//
// Threads that live across calls keep their thread_local workspaces (the
// segmenter's, the extractors'), sized for the texts they have seen; threads
// made anew for every batch grew them again each time, and a 1 MB piece's
// buffers are fresh pages, faulted in again on every batch.
#ifndef ZHPOLICY_SRC_UTIL_WORKER_POOL_H_
#define ZHPOLICY_SRC_UTIL_WORKER_POOL_H_

#include <functional>

namespace zhpolicy {
namespace internal {

// Runs `work` on the calling thread and on up to `helpers` pool threads at
// the same time, and returns when every call that started has returned.
// Helpers that have not started when the caller's own call returns are not
// run at all, so `work` must hand out its items itself (as parallel_for does
// through a counter) and be done once any one call has found none left.
// Called from a pool thread, `work` runs on that thread alone (no nested
// waits on the pool). The pool grows to the largest `helpers` asked for; in
// a child process after fork() a new pool is made.
void run_with_helpers(unsigned helpers, const std::function<void()>& work);

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_UTIL_WORKER_POOL_H_
