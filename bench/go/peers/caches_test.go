package peers

import (
	"fmt"
	"sync"
	"testing"
)

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
