// Task 14's physical floor: a classic cached-index SPSC ring (the design of rigtorp's SPSCQueue and of
// PaddedSpscRingBuffer<T>), moving one 64-bit item per call between two pinned threads.
//
// Built by SpscBenchmarks at run time (g++ -O3 -shared -fPIC; see NativeSpscRing.cs) and loaded in-process,
// so BenchmarkDotNet times it in the same run as the C# rings. Built with -DSPSC_NATIVE_MAIN it is a
// standalone program: ./spsc_ring [items] [capacity] [runs] prints items/s per run and the median.
//
// The ring is deliberately the same algorithm as the C# one, so the comparison is of code generation,
// not of design: 64-bit head and tail that only grow (slot = index & mask), each side's index and its
// cached copy of the other side's index on one 128-byte-padded line, acquire/release on the index that
// the other side writes, and 128 bytes of padding before the first and after the last slot.
// The wait policy (pause, then yield after kYieldAfter failed tries in a row) is the one the C# benchmark
// bodies use (SpscBackoff.cs).

#include <atomic>
#include <barrier>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <pthread.h>
#include <sched.h>
#include <thread>
#include <vector>
#include <algorithm>
#include <chrono>
#include <cstdio>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
static inline void cpu_pause() { _mm_pause(); }
#elif defined(__aarch64__)
static inline void cpu_pause() { asm volatile("yield"); }
#else
static inline void cpu_pause() {}
#endif

namespace {

constexpr std::size_t kPad = 128;   // two 64-byte lines: the adjacent-line prefetcher pulls pairs
constexpr int kYieldAfter = 1024;   // failed tries in a row before the waiting side yields its core

/// The wait policy both sides use when the ring is full (producer) or empty (consumer).
struct Backoff {
    int failures = 0;
    void wait() {
        if (++failures >= kYieldAfter) {
            failures = 0;
            sched_yield();
        } else {
            cpu_pause();
        }
    }
    void reset() { failures = 0; }
};

class SpscRing {
public:
    explicit SpscRing(std::size_t capacity)
        : capacity_(capacity), mask_(capacity - 1),
          storage_(static_cast<std::int64_t*>(std::aligned_alloc(kPad, capacity * sizeof(std::int64_t) + 2 * kPad))),
          slots_(storage_ + kPad / sizeof(std::int64_t)) {}
    ~SpscRing() { std::free(storage_); }
    SpscRing(const SpscRing&) = delete;
    SpscRing& operator=(const SpscRing&) = delete;

    bool try_push(std::int64_t item) {
        const std::uint64_t tail = tail_.load(std::memory_order_relaxed); // producer-owned
        if (tail - cached_head_ == capacity_) {
            cached_head_ = head_.load(std::memory_order_acquire); // full by the cache: look at the consumer's line
            if (tail - cached_head_ == capacity_) return false;
        }
        slots_[tail & mask_] = item;
        tail_.store(tail + 1, std::memory_order_release);
        return true;
    }

    bool try_pop(std::int64_t& item) {
        const std::uint64_t head = head_.load(std::memory_order_relaxed); // consumer-owned
        if (head == cached_tail_) {
            cached_tail_ = tail_.load(std::memory_order_acquire); // empty by the cache: look at the producer's line
            if (head == cached_tail_) return false;
        }
        item = slots_[head & mask_];
        head_.store(head + 1, std::memory_order_release);
        return true;
    }

private:
    const std::uint64_t capacity_;
    const std::uint64_t mask_;
    std::int64_t* const storage_;
    std::int64_t* const slots_;
    alignas(kPad) std::atomic<std::uint64_t> tail_{0};   // producer's line
    std::uint64_t cached_head_ = 0;
    alignas(kPad) std::atomic<std::uint64_t> head_{0};   // consumer's line
    std::uint64_t cached_tail_ = 0;
    alignas(kPad) char end_pad_[kPad] = {};
};

bool pin_to(int cpu) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return pthread_setaffinity_np(pthread_self(), sizeof(set), &set) == 0;
}

/// Two threads, started once and parked on a barrier, like the C# ParallelHarness: a run releases them,
/// the producer pushes 0..items-1, the consumer pops and sums them, and the run returns the sum.
struct Harness {
    SpscRing ring;
    const std::int64_t capacity;
    std::barrier<> start{3};
    std::barrier<> done{3};
    std::int64_t items = 0;
    std::int64_t checksum = 0;
    bool stop = false;
    std::atomic<int> pinned{0};
    std::thread producer;
    std::thread consumer;

    Harness(std::size_t slots, bool pin) : ring(slots), capacity(static_cast<std::int64_t>(slots)) {
        producer = std::thread([this, pin] { if (pin && pin_to(0)) pinned.fetch_add(1); loop(true); });
        consumer = std::thread([this, pin] { if (pin && pin_to(1)) pinned.fetch_add(1); loop(false); });
    }

    void loop(bool is_producer) {
        for (;;) {
            start.arrive_and_wait();
            if (stop) return;
            if (is_producer) produce(); else consume();
            done.arrive_and_wait();
        }
    }

    void produce() {
        Backoff backoff;
        for (std::int64_t i = 0; i < items; i++) {
            while (!ring.try_push(i)) backoff.wait();
            backoff.reset();
        }
    }

    void consume() {
        Backoff backoff;
        std::int64_t sum = 0;
        for (std::int64_t received = 0; received < items;) {
            std::int64_t item;
            if (ring.try_pop(item)) {
                sum += item;
                received++;
                backoff.reset();
            } else {
                backoff.wait();
            }
        }
        checksum = sum;
    }

    /// On the calling thread, with the workers parked: laps of fill-to-full then drain-to-empty, so the time
    /// is the instructions of try_push and try_pop alone, with no other core and no scheduler in it.
    std::int64_t run_single_thread(std::int64_t n, std::int64_t capacity) {
        std::int64_t sum = 0;
        for (std::int64_t next = 0; next < n;) {
            const std::int64_t lap = std::min(capacity, n - next);
            for (std::int64_t k = 0; k < lap; k++) {
                if (!ring.try_push(next + k)) return -1;
            }
            for (std::int64_t k = 0; k < lap; k++) {
                std::int64_t item;
                if (!ring.try_pop(item)) return -1;
                sum += item;
            }
            next += lap;
        }
        return sum;
    }

    std::int64_t run(std::int64_t n) {
        items = n;
        start.arrive_and_wait(); // the barrier orders items before the workers read it
        done.arrive_and_wait();
        return checksum;
    }

    ~Harness() {
        stop = true;
        start.arrive_and_wait();
        producer.join();
        consumer.join();
    }
};

} // namespace

extern "C" {

/// Starts the two worker threads (pinned to CPUs 0 and 1 when pin != 0) around a ring of capacity slots
/// (a power of two). Returns null when capacity is not a power of two.
void* spsc_native_create(std::int32_t capacity, std::int32_t pin) {
    if (capacity < 1 || (capacity & (capacity - 1)) != 0) return nullptr;
    return new (std::nothrow) Harness(static_cast<std::size_t>(capacity), pin != 0);
}

/// How many of the two workers were pinned (0, 1 or 2); waits until both have started.
std::int32_t spsc_native_pinned(void* harness) {
    auto* h = static_cast<Harness*>(harness);
    h->run(0);
    return h->pinned.load();
}

/// Moves 0..items-1 from the producer to the consumer; returns the consumer's sum.
std::int64_t spsc_native_run(void* harness, std::int64_t items) {
    return static_cast<Harness*>(harness)->run(items);
}

/// Moves 0..items-1 through the (empty) ring on the calling thread alone, a lap of capacity at a time;
/// returns the sum, or -1 if a push or pop failed. Call only while no run is in progress.
std::int64_t spsc_native_run_single_thread(void* harness, std::int64_t items) {
    auto* h = static_cast<Harness*>(harness);
    return h->run_single_thread(items, h->capacity);
}

/// Stops the workers and frees the ring.
void spsc_native_destroy(void* harness) { delete static_cast<Harness*>(harness); }

}

#ifdef SPSC_NATIVE_MAIN
int main(int argc, char** argv) {
    std::int64_t items = argc > 1 ? std::atoll(argv[1]) : (1 << 20);
    int capacity = argc > 2 ? std::atoi(argv[2]) : 1024;
    int runs = argc > 3 ? std::atoi(argv[3]) : 15;
    void* h = spsc_native_create(capacity, 1);
    if (h == nullptr) { std::fprintf(stderr, "error: capacity must be a power of two\n"); return 2; }
    std::printf("pinned workers: %d of 2, capacity %d, %lld items per run\n", spsc_native_pinned(h), capacity, (long long)items);
    std::vector<double> rates;
    for (int r = 0; r < runs; r++) {
        auto t0 = std::chrono::steady_clock::now();
        std::int64_t sum = spsc_native_run(h, items);
        double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        bool ok = sum == items * (items - 1) / 2;
        rates.push_back(items / s);
        std::printf("run %2d: %8.2f M items/s%s\n", r, items / s / 1e6, ok ? "" : "  CHECKSUM WRONG");
    }
    std::sort(rates.begin(), rates.end());
    std::printf("median: %.2f M items/s\n", rates[rates.size() / 2] / 1e6);
    spsc_native_destroy(h);
    return 0;
}
#endif
