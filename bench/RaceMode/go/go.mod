module actorconcurrency/racepeer

go 1.19
