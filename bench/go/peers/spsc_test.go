package peers

import (
	"runtime"
	"testing"

	"actorconcurrency/bench/seed"
)

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
