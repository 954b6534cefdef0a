using ActorConcurrency.Actors.ShardedCounters;
using Xunit.Abstractions;

namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>Task 19: the restart spec against a real PostgreSQL server (skipped, with the reason, when there is none).</summary>
public sealed class PostgresRestartSpec
{
    private readonly ITestOutputHelper _output;

    public PostgresRestartSpec(ITestOutputHelper output) => _output = output;

    [PostgresFact]
    public Task A_node_restarted_on_the_same_postgres_database_has_every_total_back() =>
        ShardedCounterReliabilitySpec.RestartKeepsTotalsAsync(
            new ShardedCounterNodeOptions { Journal = JournalKind.Postgres, ConnectionString = PostgresFactAttribute.ConnectionString },
            _output);
}
