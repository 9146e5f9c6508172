// Running tasks on several threads while consuming their results in order.
//
// The batch evaluator reads thousands of files: each file is a task that
// emits items (scored projects) as it goes; the consumer must see every item
// in input order, whatever the number of threads, so that `-j 1` and `-j N`
// print byte-identical reports. Memory stays bounded: at most `window` tasks
// are in flight, and a task that is not at the head of the order may buffer
// at most `max_buffered` items before it waits.
#ifndef JIXIAO_ORDERED_PIPELINE_H_
#define JIXIAO_ORDERED_PIPELINE_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace jixiao {

struct PipelineLimits {
  // Tasks started but not yet fully consumed.
  size_t window = 16;
  // Items a task that is not at the head may hold before it waits.
  size_t max_buffered = 256;
};

// Runs produce(t, emit) for every task t in [0, tasks) on `jobs` threads and
// calls consume(item) on the calling thread for every emitted item, in
// (task, emission) order. With jobs <= 1 everything runs on the calling
// thread. An exception thrown by produce or consume stops the run and is
// rethrown here.
template <typename Item>
void RunOrdered(size_t tasks, int jobs, const PipelineLimits& limits,
                const std::function<void(size_t, const std::function<void(Item&&)>&)>& produce,
                const std::function<void(Item&&)>& consume) {
  if (jobs <= 1 || tasks <= 1) {
    std::function<void(Item&&)> emit = [&](Item&& item) { consume(std::move(item)); };
    for (size_t t = 0; t < tasks; ++t) produce(t, emit);
    return;
  }
  struct Slot {
    std::deque<Item> items;
    bool done = false;
  };
  // Hand-over costs a lock per item and few wake-ups: the consumer sleeps
  // until the head task is done or has kWakeBatch items, then takes all its
  // items at once; producers are notified only when one waits.
  constexpr size_t kWakeBatch = 32;
  std::mutex mu;
  std::condition_variable consumer_cv, producer_cv;
  std::map<size_t, Slot> slots;  // tasks started and not yet consumed
  size_t next = 0;               // next task to start
  size_t head = 0;               // task being consumed
  bool stop = false;
  bool consumer_waiting = false;
  size_t producers_waiting = 0;
  std::exception_ptr failure;

  auto wake_producers = [&] {
    if (producers_waiting > 0) producer_cv.notify_all();
  };
  auto wait_producer = [&](std::unique_lock<std::mutex>& lock, const auto& ready) {
    while (!ready()) {
      ++producers_waiting;
      producer_cv.wait(lock);
      --producers_waiting;
    }
  };
  auto fail = [&](std::exception_ptr e) {
    std::lock_guard<std::mutex> lock(mu);
    if (!failure) failure = e;
    stop = true;
    producer_cv.notify_all();
    consumer_cv.notify_all();
  };

  auto worker = [&]() {
    for (;;) {
      size_t t;
      {
        std::unique_lock<std::mutex> lock(mu);
        wait_producer(lock, [&] { return stop || next >= tasks || next < head + limits.window; });
        if (stop || next >= tasks) return;
        t = next++;
        slots[t];
      }
      std::function<void(Item&&)> emit = [&, t](Item&& item) {
        std::unique_lock<std::mutex> lock(mu);
        wait_producer(lock, [&] {
          return stop || t == head || slots[t].items.size() < limits.max_buffered;
        });
        if (stop) return;
        Slot& slot = slots[t];
        slot.items.push_back(std::move(item));
        // The consumer is woken for a batch, or when the task is done.
        if (t == head && consumer_waiting && slot.items.size() >= kWakeBatch) {
          consumer_cv.notify_one();
        }
      };
      try {
        produce(t, emit);
      } catch (...) {
        fail(std::current_exception());
        return;
      }
      std::lock_guard<std::mutex> lock(mu);
      slots[t].done = true;
      if (t == head && consumer_waiting) consumer_cv.notify_one();
    }
  };

  std::vector<std::thread> threads;
  for (int i = 0; i < jobs; ++i) threads.emplace_back(worker);
  try {
    std::deque<Item> ready;
    while (head < tasks) {
      bool finished;
      {
        std::unique_lock<std::mutex> lock(mu);
        for (;;) {
          if (stop) break;
          auto it = slots.find(head);
          if (it != slots.end() && (!it->second.items.empty() || it->second.done)) break;
          consumer_waiting = true;
          consumer_cv.wait(lock);
          consumer_waiting = false;
        }
        if (stop) break;
        Slot& slot = slots[head];
        ready.swap(slot.items);
        finished = slot.done;
        if (finished) {
          slots.erase(head);
          ++head;
        }
        // A producer may wait for room in this slot, or for the window.
        wake_producers();
      }
      while (!ready.empty()) {
        Item item = std::move(ready.front());
        ready.pop_front();
        consume(std::move(item));
      }
    }
  } catch (...) {
    fail(std::current_exception());
  }
  for (std::thread& th : threads) th.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace jixiao

#endif  // JIXIAO_ORDERED_PIPELINE_H_
