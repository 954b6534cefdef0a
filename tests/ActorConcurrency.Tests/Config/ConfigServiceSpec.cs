using ActorConcurrency.SharedState.Config;
using ActorConcurrency.Tests.Support;

// Namespace ConfigReload, not Config: ActorConcurrency.Tests.Config would shadow Akka's Config in every spec.
namespace ActorConcurrency.Tests.ConfigReload;

/// <summary>Task 6: the config service publishes whole configs, refuses bad ones, and never goes back a version.</summary>
public sealed class ConfigServiceSpec
{
    [Fact]
    public void Readers_see_only_consistent_configs_and_never_an_older_version_while_writers_reload()
    {
        const int writers = 2, readers = 4;
        int reloadsPerWriter = StressConfig.Repetitions * 400;
        var service = new ConfigService(Config.ForVersion(1));
        long nextVersion = 1, inconsistent = 0, regressions = 0, reads = 0;
        int writersLeft = writers;
        using var start = new Barrier(writers + readers);
        var threads = new List<Thread>();
        for (int w = 0; w < writers; w++)
        {
            threads.Add(new Thread(() =>
            {
                start.SignalAndWait();
                for (int i = 0; i < reloadsPerWriter; i++)
                {
                    service.Reload(Config.ForVersion(Interlocked.Increment(ref nextVersion)));
                }

                Interlocked.Decrement(ref writersLeft);
            }));
        }

        for (int r = 0; r < readers; r++)
        {
            threads.Add(new Thread(() =>
            {
                start.SignalAndWait();
                long last = 0;
                do
                {
                    Config config = service.Current();
                    Interlocked.Increment(ref reads);
                    if (config.Validate() is not null)
                    {
                        Interlocked.Increment(ref inconsistent);
                    }

                    if (config.Version < last)
                    {
                        Interlocked.Increment(ref regressions);
                    }

                    last = Math.Max(last, config.Version);
                }
                while (Volatile.Read(ref writersLeft) > 0);
            }));
        }

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(0, inconsistent);
        Assert.Equal(0, regressions);
        Assert.True(reads >= readers);
        Assert.Equal(writers * reloadsPerWriter + 1, service.Current().Version);
    }

    [Fact]
    public void A_null_reload_is_rejected_and_the_current_config_stays()
    {
        var service = new ConfigService(Config.ForVersion(3));
        var ex = Assert.Throws<ArgumentNullException>(() => service.Reload(null!));
        Assert.Equal("next", ex.ParamName);
        Assert.Equal(Config.ForVersion(3), service.Current());
    }

    [Fact]
    public void An_inconsistent_reload_is_rejected_with_the_reason_and_the_current_config_stays()
    {
        var service = new ConfigService(Config.ForVersion(3));
        var ex = Assert.Throws<ArgumentException>(() => service.Reload(Config.ForVersion(4) with { Label = "v5" }));
        Assert.Equal("next", ex.ParamName);
        Assert.Contains("label", ex.Message);
        Assert.Equal(3, service.Current().Version);
    }

    [Fact]
    public void A_reload_that_is_not_newer_changes_nothing_and_returns_false()
    {
        var service = new ConfigService(Config.ForVersion(5));
        Assert.False(service.Reload(Config.ForVersion(5)));
        Assert.False(service.Reload(Config.ForVersion(4)));
        Assert.True(service.Reload(Config.ForVersion(6)));
        Assert.Equal(6, service.Current().Version);
    }

    [Fact]
    public void An_invalid_initial_config_is_rejected()
    {
        Assert.Equal("initial", Assert.Throws<ArgumentNullException>(() => new ConfigService(null!)).ParamName);
        Assert.Equal("initial", Assert.Throws<ArgumentException>(() => new ConfigService(Config.ForVersion(1) with { Workers = 9 })).ParamName);
    }

    [Fact]
    public void Validate_names_each_field_that_disagrees_with_the_version()
    {
        Config good = Config.ForVersion(7);
        Assert.Null(good.Validate());
        Assert.Contains("workers", (good with { Workers = 1 }).Validate());
        Assert.Contains("queue capacity", (good with { QueueCapacity = 3 }).Validate());
        Assert.Contains("label", (good with { Label = "v8" }).Validate());
        Assert.Contains("version", (good with { Version = 0 }).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => Config.ForVersion(0));
    }

    [Fact]
    public void A_reader_between_two_field_writes_of_the_mutable_holder_sees_a_torn_config()
    {
        var holder = new TornConfigHolder(Config.ForVersion(1));
        Config? seen = null;
        holder.Reload(Config.ForVersion(2), betweenFields: () => seen = holder.Read());

        Assert.NotNull(seen);
        Assert.NotNull(seen.Validate());
        Assert.Null(holder.Read().Validate());
    }
}
