package peers

import (
	"sync/atomic"
	"testing"
)

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
