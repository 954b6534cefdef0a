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
	"runtime"
	"sync"
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
