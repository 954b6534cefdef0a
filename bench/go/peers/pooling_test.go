package peers

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
)

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
