// src/util/parallel.h — a minimal worker pool for the batch APIs.
#ifndef ZHPOLICY_SRC_UTIL_PARALLEL_H_
#define ZHPOLICY_SRC_UTIL_PARALLEL_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>

#include "util/worker_pool.h"

namespace zhpolicy {
namespace internal {

// Calls fn(i) for every i in [0, n) on up to `n_threads` threads (0: all
// cores), handing out chunks of indices through an atomic counter so that
// uneven items balance; chunks (about 1/64 of each thread's share) keep the
// counter's cache line from bouncing between cores on many small items.
// The first exception thrown by fn is rethrown after all threads end. The
// threads are the caller's and the process's pool (worker_pool.h).
template <typename Fn>
void parallel_for(size_t n, unsigned n_threads, Fn&& fn) {
  if (n_threads == 0) n_threads = std::max(1u, std::thread::hardware_concurrency());
  n_threads = static_cast<unsigned>(std::min<size_t>(n_threads, n));
  if (n_threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  const size_t chunk = std::max<size_t>(1, n / (size_t(n_threads) * 64));
  std::atomic<size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto work = [&] {
    for (size_t begin; (begin = next.fetch_add(chunk)) < n;) {
      const size_t end = std::min(n, begin + chunk);
      try {
        for (size_t i = begin; i < end; ++i) fn(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
        next.store(n);
      }
    }
  };
  run_with_helpers(n_threads - 1, work);
  if (error) std::rethrow_exception(error);
}

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_UTIL_PARALLEL_H_
