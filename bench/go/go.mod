module actorconcurrency/bench

go 1.19
