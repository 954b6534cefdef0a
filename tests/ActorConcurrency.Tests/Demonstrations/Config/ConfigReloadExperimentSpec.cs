using System.Text.Json;
using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.Demonstrations.ConfigReload;
using ActorConcurrency.Tests.Support;
using Akka.TestKit.Xunit2;

// Namespace ConfigReload, not Config: ...Tests.Demonstrations.Config would shadow Akka's Config in this spec.
namespace ActorConcurrency.Tests.Demonstrations.ConfigReload;

/// <summary>Task 6's experiment: the record form reads only whole configs, bad reloads change nothing, subscribers see every version in order.</summary>
public sealed class ConfigReloadExperimentSpec : TestKit
{
    public ConfigReloadExperimentSpec()
        : base(HoconConfig.Base)
    {
    }

    [Fact]
    public async Task The_record_form_is_never_torn_and_the_owner_pushes_every_version_in_order()
    {
        ConfigReloadResult result = await ConfigReloadExperiment.RunAsync(new ConfigReloadSettings(Reloads: 500, Threads: 3), Sys, CancellationToken.None);

        Assert.True(result.Held, result.Evidence);
        Assert.Equal((2, 1), (result.Writers, result.Readers));
        Assert.Equal((0, 0), (result.Record.Inconsistent, result.Record.Regressions));
        Assert.Equal(2 * 500, result.Record.Applied + result.Record.Stale);
        Assert.Equal(2 * 500, result.FieldByField.Applied); // the broken holder refuses nothing, whatever it tears
        Assert.StartsWith("ArgumentNullException: ", result.Refusals.NullReload);
        Assert.StartsWith("ArgumentException: Config rejected", result.Refusals.InconsistentReload);
        Assert.True(result.Refusals.StillInForce);
        Assert.Equal(result.Owner.Subscribers, result.Owner.Ordered);
        Assert.Equal(result.Owner.Reloads + 1 - result.Owner.Rejected, result.Owner.Received / result.Owner.Subscribers);
    }

    [Fact]
    public void A_torn_record_read_or_an_out_of_order_subscriber_fails_and_a_quiet_broken_holder_is_not_observed()
    {
        var fine = new ConfigReloadResult(2, 1, 10, new ReloadRun(100, 0, 0, 20, 0), new ReloadRun(100, 0, 0, 20, 0),
            new ReloadRefusals("ArgumentNullException: …", "ArgumentException: …", 21, 21), new OwnerReloads(2, 200, 3, 3, 603, 0, 201));

        Assert.True(fine.Held);
        Assert.Contains("no torn read", ((ActorConcurrency.Demonstrations.IDemonstrationResult)fine).NotObserved);
        Assert.False((fine with { Record = fine.Record with { Inconsistent = 1 } }).Held);
        Assert.False((fine with { Owner = fine.Owner with { Ordered = 2 } }).Held);
        Assert.False((fine with { Refusals = fine.Refusals with { VersionAfter = 22 } }).Held);
        JsonElement json = ResultJson.Of(fine);
        Assert.Equal(21, json.GetProperty("refusals").GetProperty("versionBefore").GetInt32());
    }
}
