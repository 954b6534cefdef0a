using ActorConcurrency.Host.Catalog;

namespace ActorConcurrency.Host.Tasks;

/// <summary>Task 9: task leak and leak check (planned).</summary>
internal sealed class Task09TaskLeak : PlannedTask
{
    public override TaskInfo Info { get; } = new(
        9,
        "Task leak and leak check",
        "goroutine leak",
        "Leaks",
        SharedStateTypes: ["LeakingFetch", "BufferedFetch", "CancellableFetch", "Rendezvous"],
        ActorTypes: ["Ask with timeout"],
        Specs: ["LeakCheckSpec"],
        Benchmark: "");
}
