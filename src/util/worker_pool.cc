#include "util/worker_pool.h"

#include <unistd.h>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace zhpolicy {
namespace internal {
namespace {

thread_local bool on_pool_thread = false;

// One call of run_with_helpers: the helpers that started and have not yet
// returned, and whether the caller is done (later helpers then skip it).
struct Job {
  explicit Job(const std::function<void()>& w) : work(w) {}
  const std::function<void()>& work;
  std::mutex mutex;
  std::condition_variable idle;
  unsigned running = 0;
  bool closed = false;
};

class WorkerPool {
 public:
  void run(unsigned helpers, const std::function<void()>& work) {
    auto job = std::make_shared<Job>(work);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      // Threads are detached and never end: the pool lives as long as the
      // process (it is never destroyed, so no thread outlives its state).
      for (; threads_ < helpers; ++threads_) std::thread([this] { loop(); }).detach();
      for (unsigned h = 0; h < helpers; ++h) queue_.push_back(job);
    }
    wake_.notify_all();
    work();
    std::unique_lock<std::mutex> lock(job->mutex);
    job->closed = true;
    job->idle.wait(lock, [&] { return job->running == 0; });
  }

 private:
  void loop() {
    on_pool_thread = true;
    for (;;) {
      std::shared_ptr<Job> job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return !queue_.empty(); });
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      {
        std::lock_guard<std::mutex> lock(job->mutex);
        if (job->closed) continue;
        ++job->running;
      }
      try {
        job->work();
      } catch (...) {
        // parallel_for's work keeps its exceptions; nothing else runs here.
      }
      std::lock_guard<std::mutex> lock(job->mutex);
      if (--job->running == 0) job->idle.notify_all();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<Job>> queue_;
  unsigned threads_ = 0;
};

WorkerPool& shared_pool() {
  static std::mutex mutex;
  static WorkerPool* pool = nullptr;
  static pid_t owner = 0;
  std::lock_guard<std::mutex> lock(mutex);
  // After fork() the child has none of the parent's threads: a new pool
  // (the old one is left as it is; its threads do not exist here).
  if (pool == nullptr || owner != ::getpid()) {
    pool = new WorkerPool();
    owner = ::getpid();
  }
  return *pool;
}

}  // namespace

void run_with_helpers(unsigned helpers, const std::function<void()>& work) {
  if (helpers == 0 || on_pool_thread) {
    work();
    return;
  }
  shared_pool().run(helpers, work);
}

}  // namespace internal
}  // namespace zhpolicy
