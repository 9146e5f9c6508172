// Running tasks on several threads while consuming their results in order.
//
// The batch evaluator reads thousands of files: each file is a task that
// emits items (scored projects) as it goes; the consumer must see every item
// in input order, whatever the number of threads, so that `-j 1` and `-j N`
// print byte-identical reports. Memory stays bounded: at most `window` tasks
// are in flight, and each holds at most `max_buffered` items not yet taken
// by the consumer before it waits. Each item is destroyed on the thread that
// produced it, after the consumer is done with it: glibc's allocator frees a
// block on the thread that allocated it without taking another thread's
// arena lock (frees on the consumer's thread would contend with the
// producers' allocations).
#ifndef JIXIAO_BASE_ORDERED_PIPELINE_H_
#define JIXIAO_BASE_ORDERED_PIPELINE_H_

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "base/worker_thread.h"

namespace jixiao {

struct PipelineLimits {
  // Tasks started but not yet fully consumed.
  size_t window = 16;
  // Items a task may hold, not yet taken by the consumer, before it waits.
  size_t max_buffered = 64;
};

// Runs produce(t, emit) for every task t in [0, tasks) on `jobs` threads and
// calls consume(item) on the calling thread for every emitted item, in
// (task, emission) order. The calling thread is one of the `jobs`: it starts
// jobs - 1 workers and, when it has nothing to consume, produces a task
// itself, so that `jobs` threads are busy on `jobs` cores, not jobs + 1.
// With jobs <= 1 everything runs on the calling thread. An exception thrown
// by produce or consume stops the run and is rethrown here.
template <typename Item>
void RunOrdered(size_t tasks, int jobs, const PipelineLimits& limits,
                const std::function<void(size_t, const std::function<void(Item&&)>&)>& produce,
                const std::function<void(Item&&)>& consume) {
  if (jobs <= 1 || tasks <= 1) {
    std::function<void(Item&&)> emit = [&](Item&& item) { consume(std::move(item)); };
    for (size_t t = 0; t < tasks; ++t) produce(t, emit);
    return;
  }
  const size_t window = std::max<size_t>(1, limits.window);
  const size_t max_buffered = std::max<size_t>(1, limits.max_buffered);
  // Task t's items wait in ring[t % window]: the slots and their room are
  // allocated here once, so that no container a worker fills is freed by
  // another thread.
  struct Slot {
    std::vector<Item> items;  // at most max_buffered: never grows
    bool done = false;
    size_t worker = 0;  // the thread producing it
  };
  std::vector<Slot> ring(window);
  for (Slot& slot : ring) slot.items.reserve(max_buffered);
  // Hand-over costs a lock per batch of items and few wake-ups: the consumer
  // sleeps until kWakeTasks tasks are done in order from the head, or the
  // head task has kWakeBatch items, or a producer waits for it (or the last
  // tasks have started); it then takes the items of all the tasks done in
  // order at once. Producers are notified only when one waits.
  const size_t kWakeBatch = std::min<size_t>(32, max_buffered);
  constexpr size_t kWakeTasks = 8;
  std::mutex mu;
  std::condition_variable consumer_cv, producer_cv;
  size_t next = 0;  // next task to start
  size_t head = 0;  // task being consumed; tasks [head, next) are in the ring
  bool stop = false;
  bool finished = false;  // every item consumed and handed back
  bool consumer_waiting = false;
  // The caller waits, inside a task of its own, for room in its slot: it
  // wants whatever the head has, not a batch.
  bool eager = false;
  size_t producers_waiting = 0;
  std::exception_ptr failure;
  // Items consumed, by the worker that produced them, for it to destroy.
  std::vector<std::vector<Item>> spent(static_cast<size_t>(jobs));

  // Whether the consumer has enough to take (called with mu held).
  auto consumer_ready = [&] {
    if (head >= next) return false;
    const Slot& h = ring[head % window];
    if (eager) return h.done || !h.items.empty();
    if (h.items.size() >= kWakeBatch) return true;
    if (!h.done) return producers_waiting > 0 && !h.items.empty();
    if (producers_waiting > 0 || next >= tasks) return true;
    size_t in_order = 0;
    for (size_t t = head; t < next && ring[t % window].done; ++t) {
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

  // A worker hands its items over in batches (a lock for several items):
  // up to kPublish at a time, and the rest when its task is done.
  const size_t kPublish = std::min<size_t>(16, max_buffered);
  auto worker = [&](size_t self) {
    // Its spent items, taken under the lock and destroyed outside it; the
    // vectors' room goes back and forth with the consumer's, never freed.
    std::vector<Item> old;
    std::vector<Item> pending;  // emitted, not yet in the slot
    // Moves `pending` into the slot of task t, waiting for room as needed
    // (called with mu held); false when the run stops.
    auto publish = [&](std::unique_lock<std::mutex>& lock, size_t t) {
      Slot& slot = ring[t % window];
      for (Item& item : pending) {
        wait_producer(lock, [&] { return stop || slot.items.size() < max_buffered; });
        if (stop) return false;
        slot.items.push_back(std::move(item));
      }
      if (t == head && slot.items.size() >= kWakeBatch) wake_consumer();
      return true;
    };
    for (;;) {
      size_t t;
      {
        std::unique_lock<std::mutex> lock(mu);
        wait_producer(lock, [&] { return stop || next >= tasks || next < head + window; });
        if (!stop && next >= tasks) {
          // Nothing left to start: wait for the last items to come back.
          producer_cv.wait(lock, [&] { return stop || finished; });
        }
        old.swap(spent[self]);
        if (stop || next >= tasks) return;
        t = next++;
        ring[t % window].worker = self;
      }
      old.clear();
      std::function<void(Item&&)> emit = [&, t](Item&& item) {
        pending.push_back(std::move(item));
        if (pending.size() < kPublish) return;
        {
          std::unique_lock<std::mutex> lock(mu);
          old.swap(spent[self]);
          publish(lock, t);
        }
        pending.clear();
        old.clear();
      };
      try {
        produce(t, emit);
      } catch (...) {
        fail(std::current_exception());
        return;
      }
      std::unique_lock<std::mutex> lock(mu);
      if (!publish(lock, t)) return;
      ring[t % window].done = true;
      wake_consumer();
      lock.unlock();
      pending.clear();
    }
  };

  // The caller is producer number jobs - 1; its items are destroyed where
  // it consumes them.
  const size_t caller = static_cast<size_t>(jobs) - 1;
  std::vector<std::thread> threads;
  for (size_t i = 0; i < caller; ++i) threads.push_back(StartWorkerThread([&worker, i] { worker(i); }));
  std::vector<std::vector<Item>> consumed(static_cast<size_t>(jobs));
  // Hands what was consumed back to its producers (called with mu held).
  auto give_back = [&] {
    for (size_t w = 0; w < consumed.size(); ++w) {
      if (spent[w].empty()) {
        spent[w].swap(consumed[w]);
      } else {
        for (Item& item : consumed[w]) spent[w].push_back(std::move(item));
      }
      consumed[w].clear();
    }
  };
  std::vector<std::pair<size_t, Item>> ready;  // producer, item
  // Takes the head's items, and those of every task done in order after it
  // (called with mu held, which it releases), and consumes them.
  auto take = [&](std::unique_lock<std::mutex>& lock) {
    give_back();
    // What is left in a slot was moved from: it holds no memory.
    while (head < next) {
      Slot& h = ring[head % window];
      for (Item& item : h.items) ready.emplace_back(h.worker, std::move(item));
      h.items.clear();
      if (!h.done) break;
      h.done = false;
      ++head;
    }
    // A producer may wait for room in a slot, or for the window.
    wake_producers();
    lock.unlock();
    for (auto& [producer, item] : ready) {
      consume(std::move(item));
      if (producer != caller) consumed[producer].push_back(std::move(item));
    }
    ready.clear();
  };
  // Whether the head has anything to take (called with mu held).
  auto head_has_items = [&] {
    if (head >= next) return false;
    const Slot& h = ring[head % window];
    return h.done || !h.items.empty();
  };

  // The caller's own task t: its items, handed over in batches as a
  // worker's are, except that once every task before t is consumed (t is
  // the head) they are consumed at once, and that while its slot is full it
  // consumes what the head has rather than wait for a consumer.
  std::vector<Item> mine;
  auto hand_over = [&](size_t t) {
    std::unique_lock<std::mutex> lock(mu);
    size_t placed = 0;
    while (placed < mine.size() && !stop) {
      Slot& slot = ring[t % window];
      if (t == head) {
        for (Item& item : slot.items) ready.emplace_back(caller, std::move(item));
        slot.items.clear();
        for (; placed < mine.size(); ++placed) ready.emplace_back(caller, std::move(mine[placed]));
        lock.unlock();
        for (auto& entry : ready) consume(std::move(entry.second));
        ready.clear();
        lock.lock();
        break;
      }
      while (placed < mine.size() && slot.items.size() < max_buffered) {
        slot.items.push_back(std::move(mine[placed++]));
      }
      if (placed == mine.size()) break;
      if (head_has_items()) {
        take(lock);
        lock.lock();
        continue;
      }
      eager = true;
      consumer_waiting = true;
      consumer_cv.wait(lock);
      consumer_waiting = false;
      eager = false;
    }
    lock.unlock();
    mine.clear();
  };

  try {
    while (head < tasks) {
      std::unique_lock<std::mutex> lock(mu);
      if (stop) break;
      if (head_has_items()) {
        take(lock);
        continue;
      }
      if (next < tasks && next < head + window) {
        // Nothing to consume yet: produce the next task here.
        const size_t t = next++;
        ring[t % window].worker = caller;
        lock.unlock();
        std::function<void(Item&&)> emit = [&, t](Item&& item) {
          mine.push_back(std::move(item));
          if (mine.size() >= kPublish) hand_over(t);
        };
        produce(t, emit);
        hand_over(t);
        lock.lock();
        ring[t % window].done = true;
        continue;
      }
      while (!stop && !consumer_ready()) {
        consumer_waiting = true;
        consumer_cv.wait(lock);
        consumer_waiting = false;
      }
    }
    std::lock_guard<std::mutex> lock(mu);
    give_back();
    finished = true;
    producer_cv.notify_all();
  } catch (...) {
    fail(std::current_exception());
  }
  for (std::thread& th : threads) th.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace jixiao

#endif  // JIXIAO_BASE_ORDERED_PIPELINE_H_
