package peers

import (
	"fmt"
	"sync"
	"testing"
)

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
