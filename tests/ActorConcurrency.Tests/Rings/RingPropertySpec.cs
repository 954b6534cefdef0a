using ActorConcurrency.PropertyChecks;
using ActorConcurrency.SharedState.Rings;
using ActorConcurrency.Tests.Support;
using Xunit.Abstractions;

namespace ActorConcurrency.Tests.Rings;

/// <summary>
/// Task 15, the rings: CsCheck SampleParallel linearizability of both forms' single-item operations, and the
/// padded ring's batches against the model, sequentially (defined in <see cref="RingProperties"/>, also run by
/// <c>run 15</c>); <c>SOAK_MINUTES</c> turns them into a soak.
/// </summary>
public sealed class RingPropertySpec(ITestOutputHelper output)
{
    private static PropertyBudget Budget => PropertyBudget.FromEnvironment(100);

    [Fact]
    public void Simple_ring_is_linearizable() =>
        Report(RingProperties.Linearizable("SpscRingBuffer", c => new SpscRingBuffer<int>(c), Budget));

    [Fact]
    public void Padded_ring_is_linearizable() =>
        Report(RingProperties.Linearizable("PaddedSpscRingBuffer", c => new PaddedSpscRingBuffer<int>(c), Budget));

    [Fact]
    public void Padded_ring_batches_match_the_model() =>
        Report(RingProperties.ModelBased("PaddedSpscRingBuffer with batches", c => new PaddedSpscRingBuffer<int>(c), Budget));

    [Fact]
    public void The_property_catches_a_ring_that_is_not_fifo()
    {
        var error = Assert.ThrowsAny<Exception>(() => RingProperties.Linearizable("LIFO", c => new StackRing(c), new PropertyBudget(200, 0)));
        PropertyFailureAssert.NamesPropertySeedAndExample(error, "LIFO", "Parallel Operations", "Linearized", "TryEnqueue(");
    }

    [Fact]
    public void The_model_based_property_catches_a_ring_that_is_not_fifo()
    {
        var error = Assert.ThrowsAny<Exception>(() => RingProperties.ModelBased("LIFO", c => new StackRing(c), new PropertyBudget(200, 0)));
        PropertyFailureAssert.NamesPropertySeedAndExample(error, "LIFO", "Operations:", "TryEnqueue");
    }

    /// <summary>Each property's CsCheck summary (iterations run) and time go to the test output: the soak's figures.</summary>
    private void Report(PropertyResult result) => output.WriteLine($"{result.Name}: {result.Summary} ({result.Elapsed.TotalSeconds:F1} s)");

    /// <summary>A deliberately wrong ring: last in, first out.</summary>
    private sealed class StackRing(int capacity) : ISpscQueue<int>
    {
        private readonly Stack<int> _items = new();
        private readonly Lock _lock = new();

        public int Capacity => capacity;

        public bool TryEnqueue(int item)
        {
            using Lock.Scope scope = _lock.EnterScope();
            if (_items.Count == capacity)
            {
                return false;
            }

            _items.Push(item);
            return true;
        }

        public bool TryDequeue(out int item)
        {
            using Lock.Scope scope = _lock.EnterScope();
            return _items.TryPop(out item);
        }
    }
}
