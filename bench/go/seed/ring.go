// Package seed holds the Go exercises' own forms that more than one peer package measures: the seed's
// single-producer single-consumer ring (task 14), head and tail published with atomics.
package seed

import "sync/atomic"

// Ring is the seed's SPSC ring: one goroutine enqueues, one dequeues; the producer publishes an item by storing
// tail after the slot, the consumer frees a slot by storing head after reading it.
type Ring struct {
	buffer []int64
	mask   uint64
	head   atomic.Uint64
	tail   atomic.Uint64
}

// NewRing makes a ring of capacity slots; capacity must be a power of two.
func NewRing(capacity int) *Ring {
	if capacity <= 0 || capacity&(capacity-1) != 0 {
		panic("seed: ring capacity must be a power of two")
	}
	return &Ring{buffer: make([]int64, capacity), mask: uint64(capacity - 1)}
}

// TryEnqueue adds v, or returns false when the ring is full.
func (r *Ring) TryEnqueue(v int64) bool {
	tail := r.tail.Load()
	if tail-r.head.Load() == uint64(len(r.buffer)) {
		return false
	}
	r.buffer[tail&r.mask] = v
	r.tail.Store(tail + 1)
	return true
}

// TryDequeue takes the oldest item, or returns false when the ring is empty.
func (r *Ring) TryDequeue() (int64, bool) {
	head := r.head.Load()
	if head == r.tail.Load() {
		return 0, false
	}
	v := r.buffer[head&r.mask]
	r.head.Store(head + 1)
	return v, true
}
