// Package peers holds the Go forms of the report's comparison groups, measured beside the C# rows by
// `dotnet run -c Release --project bench -- report-run go` (GoPeerRun.cs), which runs
// `go test -run ^$ -bench . -benchmem -count 10` here and keeps the output for bench-report.
//
// Each benchmark's name says where its row goes in the report:
//
//	Benchmark<C# class>[/<category>]/<Param>=<value>.../<C# method>/<Go form>
//
// the C# class and category of the group, the parameters of the C# case (a '/' in a C# value is written '-'),
// the C# method this is the Go form of, and the Go form itself ('_' is read as a space). One operation is what
// one operation of the C# benchmark is (an increment, a cache or map operation, a buffer, an item moved), so
// ns/op sits beside the C# time per operation; the work is split over the same thread counts (1 and the cores).
package peers

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"actorconcurrency/bench/seed"
)

// threadCounts are the C# benchmarks' ThreadCounts.OneAndAllCores: 1 and the core count.
func threadCounts() []int {
	if runtime.NumCPU() == 1 {
		return []int{1}
	}
	return []int{1, runtime.NumCPU()}
}

// split runs n operations over threads goroutines, each given its index and its share, and waits for them all.
func split(threads, n int, body func(worker, operations int)) {
	if threads == 1 {
		body(0, n)
		return
	}
	var wg sync.WaitGroup
	for w := 0; w < threads; w++ {
		share := n / threads
		if w < n%threads {
			share++
		}
		wg.Add(1)
		go func(w, share int) {
			defer wg.Done()
			body(w, share)
		}(w, share)
	}
	wg.Wait()
}

// CounterBenchmarks, Increment (tasks 1-4): one increment of a shared counter.
func BenchmarkCounterBenchmarks(b *testing.B) {
	for _, threads := range threadCounts() {
		threads := threads
		at := fmt.Sprintf("Increment/Threads=%d/", threads)
		b.Run(at+"Interlocked/atomic.AddInt64", func(b *testing.B) {
			var counter int64
			split(threads, b.N, func(_, operations int) {
				for i := 0; i < operations; i++ {
					atomic.AddInt64(&counter, 1)
				}
			})
			check(b, counter, b.N)
		})
		b.Run(at+"MonitorLock/sync.Mutex", func(b *testing.B) {
			var mu sync.Mutex
			var counter int64
			split(threads, b.N, func(_, operations int) {
				for i := 0; i < operations; i++ {
					mu.Lock()
					counter++
					mu.Unlock()
				}
			})
			check(b, counter, b.N)
		})
		// The C# ChannelCounter's channel is unbounded; a Go channel is bounded, so this one holds 1024.
		b.Run(at+"ChannelReader/chan_and_owner_goroutine", func(b *testing.B) {
			deltas := make(chan int64, 1024)
			total := make(chan int64)
			go func() {
				var sum int64
				for d := range deltas {
					sum += d
				}
				total <- sum
			}()
			split(threads, b.N, func(_, operations int) {
				for i := 0; i < operations; i++ {
					deltas <- 1
				}
			})
			close(deltas)
			check(b, <-total, b.N)
		})
	}
}

func check(b *testing.B, got int64, want int) {
	if got != int64(want) {
		b.Fatalf("counted %d of %d increments", got, want)
	}
}

// cache is task 7's cache: TryGet and Set on int keys.
type cache interface {
	tryGet(key int) bool
	set(key, value int)
}

type mutexCache struct {
	mu    sync.Mutex
	items map[int]int
}

func (c *mutexCache) tryGet(key int) bool {
	c.mu.Lock()
	_, ok := c.items[key]
	c.mu.Unlock()
	return ok
}

func (c *mutexCache) set(key, value int) {
	c.mu.Lock()
	c.items[key] = value
	c.mu.Unlock()
}

type rwMutexCache struct {
	mu    sync.RWMutex
	items map[int]int
}

func (c *rwMutexCache) tryGet(key int) bool {
	c.mu.RLock()
	_, ok := c.items[key]
	c.mu.RUnlock()
	return ok
}

func (c *rwMutexCache) set(key, value int) {
	c.mu.Lock()
	c.items[key] = value
	c.mu.Unlock()
}

// cacheKeys and the key walk are CacheWorkload's (src/SharedState/Caches/CacheWorkload.cs).
const cacheKeys = 1024

func filled(keys int) map[int]int {
	items := make(map[int]int, keys)
	for k := 0; k < keys; k++ {
		items[k] = k
	}
	return items
}

// runCache is CacheWorkload.Run: worker's own key walk, a write on every writeEvery-th operation.
func runCache(c cache, writePercent, worker, operations int) int {
	writeEvery := 0
	if writePercent > 0 {
		writeEvery = 100 / writePercent
	}
	hits := 0
	key := worker * 7919 % cacheKeys
	for i := 0; i < operations; i++ {
		key = (key + 31) & (cacheKeys - 1)
		if writeEvery != 0 && i%writeEvery == 0 {
			c.set(key, i)
		} else if c.tryGet(key) {
			hits++
		}
	}
	return hits
}

// CacheLockBenchmarks (task 7): one cache operation behind a Mutex and behind an RWMutex, four mixes.
func BenchmarkCacheLockBenchmarks(b *testing.B) {
	mixes := []struct {
		name         string
		writePercent int
	}{{"read-only", 0}, {"99-1", 1}, {"90-10", 10}, {"50-50", 50}}
	for _, mix := range mixes {
		for _, threads := range threadCounts() {
			mix, threads := mix, threads
			at := fmt.Sprintf("Workload=%s/Threads=%d/", mix.name, threads)
			forms := []struct {
				name string
				make func() cache
			}{
				{"MonitorLock/sync.Mutex", func() cache { return &mutexCache{items: filled(cacheKeys)} }},
				{"ReaderWriterLock/sync.RWMutex", func() cache { return &rwMutexCache{items: filled(cacheKeys)} }},
			}
			for _, form := range forms {
				c := form.make()
				b.Run(at+form.name, func(b *testing.B) {
					split(threads, b.N, func(worker, operations int) { runCache(c, mix.writePercent, worker, operations) })
				})
			}
		}
	}
}

// mapKeys and the key walk are MapWorkload's (src/SharedState/Maps/MapWorkload.cs).
const mapKeys = 4096

type shardedMap struct {
	shards [16]struct {
		mu    sync.Mutex
		items map[int]int
	}
}

// shard mixes the key as ShardedDictionary.ShardOf does before reducing it.
func (m *shardedMap) shard(key int) int { return int((uint32(key) * 0x9E3779B1 >> 16) % 16) }

func (m *shardedMap) tryGet(key int) bool {
	s := &m.shards[m.shard(key)]
	s.mu.Lock()
	_, ok := s.items[key]
	s.mu.Unlock()
	return ok
}

func (m *shardedMap) set(key, value int) {
	s := &m.shards[m.shard(key)]
	s.mu.Lock()
	s.items[key] = value
	s.mu.Unlock()
}

type syncMap struct{ m sync.Map }

func (m *syncMap) tryGet(key int) bool {
	_, ok := m.m.Load(key)
	return ok
}

func (m *syncMap) set(key, value int) { m.m.Store(key, value) }

// runMap is MapWorkload.Run: worker's own key walk, writePercent writes per hundred operations.
func runMap(m cache, writePercent, worker, operations int) int {
	hits := 0
	key := worker * 7919 & (mapKeys - 1)
	for i := 0; i < operations; i++ {
		key = (key + 97) & (mapKeys - 1)
		if i%100 < writePercent {
			m.set(key, i)
		} else if m.tryGet(key) {
			hits++
		}
	}
	return hits
}

// MapBenchmarks (task 8): sync.Map (Go's ConcurrentDictionary) against 16 shards of map + Mutex.
func BenchmarkMapBenchmarks(b *testing.B) {
	mixes := []struct {
		name         string
		writePercent int
	}{{"read-heavy", 10}, {"write-heavy", 90}}
	for _, mix := range mixes {
		for _, threads := range threadCounts() {
			mix, threads := mix, threads
			at := fmt.Sprintf("Workload=%s/Threads=%d/", mix.name, threads)
			concurrent := &syncMap{}
			sharded := &shardedMap{}
			for i := range sharded.shards {
				sharded.shards[i].items = make(map[int]int)
			}
			for k := 0; k < mapKeys; k++ {
				concurrent.set(k, k)
				sharded.set(k, k)
			}
			b.Run(at+"ConcurrentDictionary/sync.Map", func(b *testing.B) {
				split(threads, b.N, func(worker, operations int) { runMap(concurrent, mix.writePercent, worker, operations) })
			})
			b.Run(at+"ShardedDictionary16/16_shards_of_map_and_Mutex", func(b *testing.B) {
				split(threads, b.N, func(worker, operations int) { runMap(sharded, mix.writePercent, worker, operations) })
			})
		}
	}
}

// The two counters of task 10, at the C# structs' distances: adjacent, 64 and 128 bytes apart.
type adjacentCounters struct{ a, b int64 }

type padded64Counters struct {
	a int64
	_ [56]byte
	b int64
}

type padded128Counters struct {
	a int64
	_ [120]byte
	b int64
}

// twoCounters runs b.N increments, half on each of two goroutines, each on its own counter.
func twoCounters(b *testing.B, first, second *int64) {
	split(2, b.N, func(worker, operations int) {
		counter := first
		if worker == 1 {
			counter = second
		}
		for i := 0; i < operations; i++ {
			atomic.AddInt64(counter, 1)
		}
	})
}

// FalseSharingBenchmarks (task 10): two goroutines, each incrementing its own counter of one struct.
func BenchmarkFalseSharingBenchmarks(b *testing.B) {
	b.Run("Adjacent/adjacent_int64s", func(b *testing.B) {
		c := &adjacentCounters{}
		twoCounters(b, &c.a, &c.b)
	})
	b.Run("Padded64/64_bytes_apart", func(b *testing.B) {
		c := &padded64Counters{}
		twoCounters(b, &c.a, &c.b)
	})
	b.Run("Padded128/128_bytes_apart", func(b *testing.B) {
		c := &padded128Counters{}
		twoCounters(b, &c.a, &c.b)
	})
}

const bufferSize = 4096

// sink makes every buffer escape to the heap, as the C# array does: without it Go would put a
// constant-size make on the goroutine's stack and measure no allocation at all.
var sink atomic.Pointer[[]byte]

//go:noinline
func use(buffer *[]byte, i int) {
	(*buffer)[0] = byte(i)
	(*buffer)[len(*buffer)-1] = byte(i)
	sink.Store(buffer)
}

// PoolingBenchmarks (task 12): a 4 KiB buffer, got, used and let go: allocated every time, or from sync.Pool.
func BenchmarkPoolingBenchmarks(b *testing.B) {
	for _, threads := range threadCounts() {
		threads := threads
		at := fmt.Sprintf("Threads=%d/", threads)
		b.Run(at+"NewArray/make", func(b *testing.B) {
			split(threads, b.N, func(_, operations int) {
				for i := 0; i < operations; i++ {
					buffer := make([]byte, bufferSize)
					use(&buffer, i)
				}
			})
		})
		b.Run(at+"SharedArrayPool/sync.Pool", func(b *testing.B) {
			pool := sync.Pool{New: func() any {
				buffer := make([]byte, bufferSize)
				return &buffer
			}}
			split(threads, b.N, func(_, operations int) {
				for i := 0; i < operations; i++ {
					buffer := pool.Get().(*[]byte)
					use(buffer, i)
					pool.Put(buffer)
				}
			})
		})
	}
}

// spscCapacity is SpscBenchmarks.Capacity: the slots of every bounded queue.
const spscCapacity = 1024

// SpscBenchmarks (task 14): one item moved from a producer goroutine to a consumer goroutine.
func BenchmarkSpscBenchmarks(b *testing.B) {
	b.Run("SimpleRing/seed_ring", func(b *testing.B) {
		ring := seed.NewRing(spscCapacity)
		done := make(chan int64)
		go func() {
			var sum int64
			for received := 0; received < b.N; {
				if item, ok := ring.TryDequeue(); ok {
					sum += item
					received++
				} else {
					runtime.Gosched()
				}
			}
			done <- sum
		}()
		for i := 0; i < b.N; i++ {
			for !ring.TryEnqueue(int64(i)) {
				runtime.Gosched()
			}
		}
		<-done
	})
	b.Run("BoundedChannel/chan_of_1024", func(b *testing.B) {
		items := make(chan int64, spscCapacity)
		done := make(chan int64)
		go func() {
			var sum int64
			for item := range items {
				sum += item
			}
			done <- sum
		}()
		for i := 0; i < b.N; i++ {
			items <- int64(i)
		}
		close(items)
		<-done
	})
}
