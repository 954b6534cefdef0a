using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Demonstrations.Rings;
using ActorConcurrency.Tests.Support;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.Demonstrations.Rings;

/// <summary>Task 14's experiment: the rings' edges hold, and every form moves every item once, in order.</summary>
public sealed class SpscRingExperimentSpec : TestKit
{
    public SpscRingExperimentSpec()
        : base(HoconConfig.Base)
    {
    }

    [Fact]
    public void Both_rings_accept_their_capacity_give_it_back_in_order_and_refuse_when_empty()
    {
        RingEdges edges = SpscRingExperiment.CheckEdges();

        Assert.True(edges.Hold);
        Assert.Equal(["SpscRingBuffer", "PaddedSpscRingBuffer"], edges.Forms.Select(f => f.Form));
        Assert.All(edges.Forms, f => Assert.Equal([0, 1, 2, 3], f.Dequeued));
    }

    [Fact]
    public async Task Every_form_moves_every_item_once_in_order()
    {
        var reports = new List<string>();

        RingMoves moves = await SpscRingExperiment.MoveAsync(new SpscRingSettings(Items: 20_000, Capacity: 64), Sys, new SynchronousProgress(reports.Add), CancellationToken.None);
        var result = new SpscRingResult(SpscRingExperiment.CheckEdges(), moves);

        Assert.True(result.Held, result.Evidence);
        Assert.Equal(5, moves.Forms.Count);
        Assert.All(moves.Forms, f => Assert.Equal((20_000, 0), (f.Received, f.OutOfOrder)));
        Assert.Equal([312, 312, 312, null, null], moves.Forms.Select(f => f.Wraps));
        Assert.Equal("PaddedSpscRingBuffer (batches of 256)", moves.Forms[2].Form);
        Assert.Equal(["Warming up…", "SpscRingBuffer…", "PaddedSpscRingBuffer…", "Channel…", "Actor mailbox…"], reports);
        Assert.Equal(199_990_000, ResultJson.Of(result).GetProperty("moves").GetProperty("forms")[4].GetProperty("sum").GetInt64());
    }

    [Fact]
    public void A_lost_item_or_a_broken_edge_fails_and_a_capacity_that_is_not_a_power_of_two_is_refused()
    {
        var moves = new RingMoves(10, 4, [new("simple", 10, 45, 0, 0.1, 2), new("padded", 10, 45, 0, 0.1, 2), new("batched", 10, 45, 0, 0.05, 2)]);
        var edges = new RingEdges([new RingEdge("SpscRingBuffer", 4, [0, 1, 2, 3], true)]);

        Assert.True(new SpscRingResult(edges, moves).Held);
        Assert.False(new SpscRingResult(edges, moves with { Forms = [moves.Forms[0] with { Received = 9, Sum = 36 }, .. moves.Forms.Skip(1)] }).Held);
        Assert.False(new SpscRingResult(new RingEdges([edges.Forms[0] with { EmptyRefused = false }]), moves).Held);
        Assert.Equal("Capacity", Assert.Throws<ArgumentOutOfRangeException>(() => new SpscRingSettings(10, 3).Validate()).ParamName);
    }
}
