// Running tasks on several threads while consuming their results in order.
//
// The batch evaluator reads thousands of files: each file is a task that
// emits items (scored projects) as it goes; the consumer must see every item
// in input order, whatever the number of threads, so that `-j 1` and `-j N`
// print byte-identical reports. Memory stays bounded: at most `window` tasks
// are in flight, and a task that is not at the head of the order may buffer
// at most `max_buffered` items before it waits.
#ifndef JIXIAO_BASE_ORDERED_PIPELINE_H_
#define JIXIAO_BASE_ORDERED_PIPELINE_H_

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
  // until kWakeTasks tasks are done in order from the head, or the head task
  // has kWakeBatch items, or a producer waits for it (or the last tasks have
  // started); it then takes the items of all the tasks done in order at once.
  // Producers are notified only when one waits.
  constexpr size_t kWakeBatch = 32;
  constexpr size_t kWakeTasks = 8;
  std::mutex mu;
  std::condition_variable consumer_cv, producer_cv;
  std::map<size_t, Slot> slots;  // tasks started and not yet consumed
  size_t next = 0;               // next task to start
  size_t head = 0;               // task being consumed
  bool stop = false;
  bool consumer_waiting = false;
  size_t producers_waiting = 0;
  std::exception_ptr failure;

  // Whether the consumer has enough to take (called with mu held).
  auto consumer_ready = [&] {
    auto it = slots.find(head);
    if (it == slots.end()) return false;
    const Slot& h = it->second;
    if (h.items.size() >= kWakeBatch) return true;
    if (!h.done) return producers_waiting > 0 && !h.items.empty();
    if (producers_waiting > 0 || next >= tasks) return true;
    size_t in_order = 0;
    for (; it != slots.end() && it->first == head + in_order && it->second.done; ++it) {
      if (++in_order >= kWakeTasks) return true;
    }
    return false;
  };
  auto wake_consumer = [&] {
    if (consumer_waiting && consumer_ready()) consumer_cv.notify_one();
  };
  auto wake_producers = [&] {
    if (producers_waiting > 0) producer_cv.notify_all();
  };
  auto wait_producer = [&](std::unique_lock<std::mutex>& lock, const auto& ready) {
    while (!ready()) {
      ++producers_waiting;
      wake_consumer();  // it may be waiting for more done tasks: take what there is
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
        if (t == head && slot.items.size() >= kWakeBatch) wake_consumer();
      };
      try {
        produce(t, emit);
      } catch (...) {
        fail(std::current_exception());
        return;
      }
      std::lock_guard<std::mutex> lock(mu);
      slots[t].done = true;
      wake_consumer();
    }
  };

  std::vector<std::thread> threads;
  for (int i = 0; i < jobs; ++i) threads.emplace_back(worker);
  try {
    std::deque<Item> ready;
    while (head < tasks) {
      {
        std::unique_lock<std::mutex> lock(mu);
        while (!stop && !consumer_ready()) {
          consumer_waiting = true;
          consumer_cv.wait(lock);
          consumer_waiting = false;
        }
        if (stop) break;
        // The head's items, and those of every task done in order after it.
        for (auto it = slots.find(head); it != slots.end() && it->first == head;) {
          for (Item& item : it->second.items) ready.push_back(std::move(item));
          it->second.items.clear();
          if (!it->second.done) break;
          it = slots.erase(it);
          ++head;
        }
        // A producer may wait for room in a slot, or for the window.
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

#endif  // JIXIAO_BASE_ORDERED_PIPELINE_H_
