using System.Globalization;
using System.Text.RegularExpressions;
using ActorConcurrency.SharedState.Lru;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.Lru;

/// <summary>
/// The examples of docs/lru.md's "The recency guarantee it gives up", read out of the page and run on
/// <see cref="LruCache{TKey,TValue}"/> and <see cref="ClockLruCache{TKey,TValue}"/>: the page cannot claim an
/// order or an eviction the code does not produce. (It once said that after <c>Set 1, 2; Set 1</c> exact LRU
/// evicts 1; re-setting 1 makes it the most recent, so both forms evict 2.)
/// </summary>
public sealed partial class LruDocExamplesSpec
{
    /// <summary>"after `Set 1, 2, 3; Get 2; Get 1`, exact LRU says oldest → newest is `3, 2, 1`; CLOCK says `3, 1, 2`"</summary>
    [GeneratedRegex(@"after `(?<ops>[^`]+)`, exact LRU says oldest → newest is `(?<exact>[^`]+)`; CLOCK says `(?<clock>[^`]+)`")]
    private static partial Regex OrderExample();

    /// <summary>
    /// "after `Set 1; Get 1; Set 2; Set 3` with capacity 2, exact LRU evicts 1, CLOCK evicts 2"; "at the next insert"
    /// after the first number adds a Set of a new key to the sequence (the page's old wording).
    /// </summary>
    [GeneratedRegex(@"after `(?<ops>[^`]+)` with capacity (?<capacity>\d+), exact LRU evicts (?<exact>\d+)(?<next> at the next insert)?, CLOCK evicts (?<clock>\d+)")]
    private static partial Regex EvictionExample();

    [Fact]
    public void The_order_example_is_what_both_forms_report()
    {
        Match example = Assert.Single(OrderExample().Matches(Page()));
        string ops = example.Groups["ops"].Value;
        // Large enough that nothing is evicted: the example is about order alone.
        var exact = new LruCache<int, int>(16);
        var clock = new ClockLruCache<int, int>(16);

        Replay(exact, ops);
        Replay(clock, ops);

        Assert.Equal(Keys(example.Groups["exact"].Value), exact.Keys());
        Assert.Equal(Keys(example.Groups["clock"].Value), clock.Keys());
        Assert.NotEqual(exact.Keys(), clock.Keys()); // the page gives it as a difference
    }

    [Fact]
    public void The_eviction_example_evicts_what_the_page_says_on_each_form()
    {
        Match example = Assert.Single(EvictionExample().Matches(Page()));
        int capacity = int.Parse(example.Groups["capacity"].Value, CultureInfo.InvariantCulture);
        string ops = example.Groups["ops"].Value;
        if (example.Groups["next"].Success)
        {
            ops += $"; Set {NewKey(ops)}";
        }

        var exact = new LruCache<int, int>(capacity);
        var clock = new ClockLruCache<int, int>(capacity);

        int[] exactEvicted = Replay(exact, ops);
        int[] clockEvicted = Replay(clock, ops);

        Assert.Equal([int.Parse(example.Groups["exact"].Value, CultureInfo.InvariantCulture)], exactEvicted);
        Assert.Equal([int.Parse(example.Groups["clock"].Value, CultureInfo.InvariantCulture)], clockEvicted);
        Assert.NotEqual(exactEvicted, clockEvicted); // the page gives it as a difference
    }

    /// <summary>"after `Set 1, 2; Set 1` with capacity 2, both forms evict 2 at the next insert" (the page once said exact LRU evicts 1).</summary>
    [GeneratedRegex(@"after `(?<ops>[^`]+)` with capacity (?<capacity>\d+), both forms evict (?<both>\d+) at the next insert")]
    private static partial Regex SameEvictionExample();

    [Fact]
    public void The_example_that_does_not_differ_evicts_the_same_key_on_both_forms()
    {
        Match example = Assert.Single(SameEvictionExample().Matches(Page()));
        string ops = example.Groups["ops"].Value + $"; Set {NewKey(example.Groups["ops"].Value)}";
        int capacity = int.Parse(example.Groups["capacity"].Value, CultureInfo.InvariantCulture);
        int both = int.Parse(example.Groups["both"].Value, CultureInfo.InvariantCulture);

        Assert.Equal([both], Replay(new LruCache<int, int>(capacity), ops));
        Assert.Equal([both], Replay(new ClockLruCache<int, int>(capacity), ops));
    }

    /// <summary>
    /// Runs the page's notation on <paramref name="cache"/>: operations separated by ';', each a verb (Set or Get)
    /// and one or more keys separated by ','; a Set stores the key as its own value. Returns the keys evicted for room.
    /// </summary>
    private static int[] Replay(ILruCache<int, int> cache, string ops)
    {
        var evicted = new List<int>();
        cache.Evicted += e => evicted.Add(e.Key);
        foreach (string op in ops.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = op.Split(' ', 2, StringSplitOptions.TrimEntries);
            Assert.True(parts.Length == 2, $"'{op}' is not a verb and keys");
            foreach (int key in Keys(parts[1]))
            {
                switch (parts[0])
                {
                    case "Set":
                        cache.Set(key, key);
                        break;
                    case "Get":
                        Assert.True(cache.TryGet(key, out _), $"'{op}': {key} is not in the cache, the example means a hit");
                        break;
                    default:
                        Assert.Fail($"'{op}': the examples use Set and Get");
                        break;
                }
            }
        }

        return [.. evicted];
    }

    /// <summary>A key the sequence does not use.</summary>
    private static int NewKey(string ops) => Regex.Matches(ops, @"\d+").Max(k => int.Parse(k.Value, CultureInfo.InvariantCulture)) + 1;

    private static int[] Keys(string list) =>
        [.. list.Split(',', StringSplitOptions.TrimEntries).Select(k => int.Parse(k, CultureInfo.InvariantCulture))];

    /// <summary>docs/lru.md with its line breaks folded, so a sentence wrapped in the source matches whole.</summary>
    private static string Page() => Regex.Replace(RepositoryFiles.Read("docs/lru.md"), @"\s*\n\s*", " ");
}
