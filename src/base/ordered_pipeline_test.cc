#include "base/ordered_pipeline.h"

#include <doctest/doctest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace jixiao {

namespace {

// Task t emits t+1 items "t.i"; items are consumed into a string.
std::vector<std::string> Run(size_t tasks, int jobs, PipelineLimits limits = {}) {
  std::vector<std::string> seen;
  RunOrdered<std::string>(
      tasks, jobs, limits,
      [](size_t t, const std::function<void(std::string&&)>& emit) {
        for (size_t i = 0; i <= t % 7; ++i) {
          if ((t * 31 + i) % 5 == 0) std::this_thread::yield();
          emit(std::to_string(t) + "." + std::to_string(i));
        }
      },
      [&](std::string&& s) { seen.push_back(std::move(s)); });
  return seen;
}

}  // namespace

TEST_CASE("items arrive in task order whatever the number of threads") {
  std::vector<std::string> one = Run(200, 1);
  CHECK(one.size() == 200 / 7 * 28 + 1 + 2 + 3 + 4);  // 28 per 7 tasks, then tasks 196..199
  CHECK(one.front() == "0.0");
  CHECK(one.back() == "199.3");
  for (int jobs : {2, 3, 8}) {
    CAPTURE(jobs);
    CHECK(Run(200, jobs) == one);
    CHECK(Run(200, jobs, PipelineLimits{2, 1}) == one);  // tiny window and buffers
  }
}

TEST_CASE("long tasks and many short ones hand over in order with any window") {
  // Task t emits (t % 3 == 0 ? 100 : 1) items: more than a wake-up batch,
  // and more than a task may buffer, between runs of one-item tasks.
  auto run = [](int jobs, PipelineLimits limits) {
    std::vector<int> seen;
    RunOrdered<int>(
        300, jobs, limits,
        [](size_t t, const std::function<void(int&&)>& emit) {
          int n = t % 3 == 0 ? 100 : 1;
          for (int i = 0; i < n; ++i) emit(static_cast<int>(t) * 1000 + i);
        },
        [&](int&& v) { seen.push_back(v); });
    return seen;
  };
  std::vector<int> one = run(1, {});
  CHECK(one.size() == 100 * 100 + 200);
  for (int jobs : {2, 3, 5}) {
    CAPTURE(jobs);
    CHECK(run(jobs, {}) == one);
    CHECK(run(jobs, PipelineLimits{3, 5}) == one);
    CHECK(run(jobs, PipelineLimits{1, 1}) == one);
    CHECK(run(jobs, PipelineLimits{1000, 1000}) == one);
  }
}

// Records the thread that made it and, when destroyed with its payload on
// another thread, counts itself in `*foreign`.
struct Tracked {
  std::thread::id maker = std::this_thread::get_id();
  bool owns = true;
  std::atomic<int>* foreign;
  explicit Tracked(std::atomic<int>* f) : foreign(f) {}
  Tracked(Tracked&& o) noexcept : maker(o.maker), owns(o.owns), foreign(o.foreign) { o.owns = false; }
  Tracked& operator=(Tracked&& o) noexcept {
    maker = o.maker;
    owns = std::exchange(o.owns, false);
    foreign = o.foreign;
    return *this;
  }
  ~Tracked() {
    if (owns && maker != std::this_thread::get_id()) ++*foreign;
  }
};

TEST_CASE("every item is destroyed on the thread that produced it") {
  for (PipelineLimits limits : {PipelineLimits{}, PipelineLimits{2, 1}, PipelineLimits{64, 64}}) {
    CAPTURE(limits.window);
    const size_t tasks = 300;
    std::atomic<int> foreign{0};
    size_t seen = 0;
    RunOrdered<Tracked>(
        tasks, 2, limits,
        [&](size_t t, const std::function<void(Tracked&&)>& emit) {
          for (size_t i = 0; i < 1 + t % 40; ++i) emit(Tracked(&foreign));
        },
        [&](Tracked&& item) {
          CHECK(item.owns);
          ++seen;
        });
    CHECK(seen == tasks / 40 * (40 * 41 / 2) + (20 * 21 / 2));
    CHECK(foreign.load() == 0);
  }
}

TEST_CASE("the calling thread is one of the jobs: it produces tasks too") {
  // Task 0 waits until task 1 has started, so two threads produce at once;
  // with jobs = 2 they are one worker and the caller.
  std::mutex mu;
  std::condition_variable cv;
  bool one_started = false;
  std::vector<std::thread::id> producer(4);
  RunOrdered<int>(
      4, 2, {},
      [&](size_t t, const std::function<void(int&&)>& emit) {
        producer[t] = std::this_thread::get_id();
        std::unique_lock<std::mutex> lock(mu);
        if (t == 1) {
          one_started = true;
          cv.notify_all();
        }
        if (t == 0) cv.wait(lock, [&] { return one_started; });
        emit(static_cast<int>(t));
      },
      [](int&&) {});
  const std::set<std::thread::id> threads(producer.begin(), producer.end());
  CHECK(threads.size() == 2);
  CHECK(threads.count(std::this_thread::get_id()) == 1);
}

TEST_CASE("no tasks, one task") {
  CHECK(Run(0, 4).empty());
  CHECK(Run(1, 4) == std::vector<std::string>{"0.0"});
  // One task cannot use a second thread: it runs on the caller's, none started.
  std::thread::id producer;
  RunOrdered<int>(
      1, 4, {}, [&](size_t, const std::function<void(int&&)>&) { producer = std::this_thread::get_id(); },
      [](int&&) {});
  const bool on_caller = producer == std::this_thread::get_id();
  CHECK(on_caller);
}

TEST_CASE("an exception in a producer is rethrown to the caller") {
  auto failing = [](int jobs) {
    RunOrdered<int>(
        50, jobs, {},
        [](size_t t, const std::function<void(int&&)>& emit) {
          if (t == 17) throw std::runtime_error("task 17");
          emit(static_cast<int>(t));
        },
        [](int&&) {});
  };
  CHECK_THROWS_WITH(failing(1), "task 17");
  CHECK_THROWS_WITH(failing(4), "task 17");
}

TEST_CASE("an exception in the consumer stops the producers") {
  int consumed = 0;
  CHECK_THROWS_WITH(RunOrdered<int>(
                        1000, 3, PipelineLimits{4, 2},
                        [](size_t t, const std::function<void(int&&)>& emit) {
                          for (int i = 0; i < 10; ++i) emit(static_cast<int>(t));
                        },
                        [&](int&& v) {
                          if (v == 5) throw std::runtime_error("stop");
                          ++consumed;
                        }),
                    "stop");
  CHECK(consumed == 50);
}

}  // namespace jixiao
