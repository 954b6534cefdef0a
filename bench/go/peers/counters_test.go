package peers

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
)

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
