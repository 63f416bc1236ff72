// The batch APIs' worker pool: every item done once, batches from several
// threads at once, exceptions passed on, and a child process after fork().
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <numeric>
#include <stdexcept>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include "util/parallel.h"

using zhpolicy::internal::parallel_for;

namespace {

// Sum of i over [0, n), computed on `threads` threads.
long long parallel_sum(size_t n, unsigned threads) {
  std::vector<long long> out(n, 0);
  parallel_for(n, threads, [&](size_t i) { out[i] = static_cast<long long>(i); });
  return std::accumulate(out.begin(), out.end(), 0LL);
}

}  // namespace

TEST_CASE("worker pool: every item once, more threads than cores, batch after batch", "[threads]") {
  for (unsigned threads : {0u, 1u, 2u, 7u}) {
    for (size_t n : {size_t(0), size_t(1), size_t(5), size_t(10000)}) {
      std::vector<std::atomic<int>> seen(n);
      parallel_for(n, threads, [&](size_t i) { seen[i].fetch_add(1); });
      int twice = 0;
      for (auto& s : seen) twice += s.load() != 1;
      CHECK(twice == 0);
    }
  }
}

TEST_CASE("worker pool: batches from several threads at once", "[threads]") {
  const long long expected = 4999LL * 5000 / 2;
  std::vector<std::thread> callers;
  std::atomic<int> right{0};
  for (int t = 0; t < 4; ++t) {
    callers.emplace_back([&] {
      for (int round = 0; round < 20; ++round) right += parallel_sum(5000, 3) == expected;
    });
  }
  for (auto& c : callers) c.join();
  CHECK(right == 80);
}

TEST_CASE("worker pool: an item's exception reaches the caller, the pool goes on", "[threads]") {
  CHECK_THROWS_AS(parallel_for(1000, 2, [](size_t i) {
                    if (i == 500) throw std::runtime_error("item 500");
                  }),
                  std::runtime_error);
  CHECK(parallel_sum(1000, 2) == 999LL * 1000 / 2);
}

TEST_CASE("worker pool: nested batches run on the pool thread itself", "[threads]") {
  std::atomic<long long> total{0};
  parallel_for(8, 2, [&](size_t) { total += parallel_sum(100, 2); });
  CHECK(total == 8 * (99LL * 100 / 2));
}

TEST_CASE("worker pool: a child process after fork gets a pool of its own") {
  REQUIRE(parallel_sum(1000, 2) == 999LL * 1000 / 2);  // the parent's pool exists
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // The parent's pool threads do not exist here: waiting on them would hang.
    _exit(parallel_sum(1000, 2) == 999LL * 1000 / 2 ? 0 : 1);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}
