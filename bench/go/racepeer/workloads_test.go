// Package racepeer holds the Go forms of RaceModeWorkloads (bench/RaceMode/RaceModeWorkloads.cs): the same
// shapes, sizes and mixes, so `go test -bench .` without and with `-race` gives Go's own race-detector cost
// beside race mode's. Run by `dotnet run -c Release --project bench -- race-vs-go` (RaceModeGoRun.cs).
package racepeer

import (
	"container/list"
	"math/rand"
	"runtime"
	"sync"
	"testing"

	"actorconcurrency/bench/seed"
)

const operations = 4000

// lockedCounter: task 3's counter, four goroutines share a mutex-protected counter.
func lockedCounter() {
	var mu sync.Mutex
	counter := 0
	var wg sync.WaitGroup
	for t := 0; t < 4; t++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < operations/4; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
}

// lru is an exact LRU behind one mutex (golang-lru's simplelru under a lock), capacity 64.
type lru struct {
	mu       sync.Mutex
	capacity int
	order    *list.List
	items    map[int]*list.Element
}

type entry struct{ key, value int }

func newLru(capacity int) *lru {
	return &lru{capacity: capacity, order: list.New(), items: make(map[int]*list.Element)}
}

func (c *lru) get(key int) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		c.order.MoveToFront(e)
		return e.Value.(*entry).value, true
	}
	return 0, false
}

func (c *lru) set(key, value int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.items[key]; ok {
		e.Value.(*entry).value = value
		c.order.MoveToFront(e)
		return
	}
	c.items[key] = c.order.PushFront(&entry{key, value})
	if c.order.Len() > c.capacity {
		oldest := c.order.Back()
		c.order.Remove(oldest)
		delete(c.items, oldest.Value.(*entry).key)
	}
}

// mixed runs two goroutines of 90% reads and 10% writes over 128 keys, operations in all.
func mixed(read func(int), write func(int, int)) {
	var wg sync.WaitGroup
	for t := 0; t < 2; t++ {
		wg.Add(1)
		go func(source int64) {
			defer wg.Done()
			random := rand.New(rand.NewSource(source))
			for i := 0; i < operations/2; i++ {
				key := random.Intn(128)
				if random.Intn(10) == 0 {
					write(key, i)
				} else {
					read(key)
				}
			}
		}(int64(t))
	}
	wg.Wait()
}

// lruWorkload: task 13's LRU at 90/10 from two goroutines.
func lruWorkload() {
	cache := newLru(64)
	mixed(func(k int) { cache.get(k) }, cache.set)
}

// lockedMap: a map behind a mutex, the same mix (the Dictionary under a lock of RaceModeWorkloads).
func lockedMap() {
	var mu sync.Mutex
	m := make(map[int]int)
	mixed(func(k int) { mu.Lock(); _ = m[k]; mu.Unlock() }, func(k, v int) { mu.Lock(); m[k] = v; mu.Unlock() })
}

// syncMap: sync.Map, the same mix (the ConcurrentDictionary of RaceModeWorkloads).
func syncMap() {
	var m sync.Map
	mixed(func(k int) { m.Load(k) }, func(k, v int) { m.Store(k, v) })
}

// ring: task 14's ring, capacity 256, one producer and one consumer goroutine, operations items.
func ring() {
	r := seed.NewRing(256)
	done := make(chan struct{})
	go func() {
		for received := 0; received < operations; {
			if _, ok := r.TryDequeue(); ok {
				received++
			} else {
				runtime.Gosched()
			}
		}
		close(done)
	}()
	for i := 0; i < operations; i++ {
		for !r.TryEnqueue(int64(i)) {
			runtime.Gosched()
		}
	}
	<-done
}

func BenchmarkCounter(b *testing.B) {
	for i := 0; i < b.N; i++ {
		lockedCounter()
	}
}

func BenchmarkLru(b *testing.B) {
	for i := 0; i < b.N; i++ {
		lruWorkload()
	}
}

func BenchmarkRing(b *testing.B) {
	for i := 0; i < b.N; i++ {
		ring()
	}
}

func BenchmarkLockedMap(b *testing.B) {
	for i := 0; i < b.N; i++ {
		lockedMap()
	}
}

func BenchmarkSyncMap(b *testing.B) {
	for i := 0; i < b.N; i++ {
		syncMap()
	}
}
