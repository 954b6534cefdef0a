using ActorConcurrency.Actors.ConfigReload;
using ActorConcurrency.Actors.Hosting;
using ActorConcurrency.SharedState.Config;
using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;

namespace ActorConcurrency.Tests.ConfigReload;

/// <summary>Task 6, actor form: the owner refuses bad reloads by message and pushes each new config to subscribers in order.</summary>
public sealed class ConfigOwnerActorSpec : TestKit
{
    public ConfigOwnerActorSpec()
        : base(HoconConfig.Base)
    {
    }

    [Fact]
    public async Task Every_subscriber_gets_the_current_config_then_each_new_version_in_order()
    {
        IActorRef owner = Sys.ActorOf(ConfigOwnerActor.Props(Config.ForVersion(1)));
        TestProbe[] subscribers = [CreateTestProbe(), CreateTestProbe(), CreateTestProbe()];
        foreach (TestProbe subscriber in subscribers)
        {
            owner.Tell(new ConfigProtocol.Subscribe(subscriber.Ref));
        }

        const int last = 50;
        for (long version = 2; version <= last; version++)
        {
            owner.Tell(new ConfigProtocol.Reload(Config.ForVersion(version)), TestActor);
        }

        for (long version = 2; version <= last; version++)
        {
            await ExpectMsgAsync(new ConfigProtocol.Reloaded(version));
        }

        foreach (TestProbe subscriber in subscribers)
        {
            for (long version = 1; version <= last; version++)
            {
                var changed = await subscriber.ExpectMsgAsync<ConfigProtocol.ConfigChanged>();
                Assert.Equal(version, changed.Config.Version);
            }
        }
    }

    [Fact]
    public async Task Bad_reloads_are_refused_by_message_and_change_nothing()
    {
        IActorRef owner = Sys.ActorOf(ConfigOwnerActor.Props(Config.ForVersion(3)));
        TestProbe subscriber = CreateTestProbe();
        owner.Tell(new ConfigProtocol.Subscribe(subscriber.Ref));
        await subscriber.ExpectMsgAsync<ConfigProtocol.ConfigChanged>(c => c.Config.Version == 3);

        owner.Tell(new ConfigProtocol.Reload(null!), TestActor);
        var noConfig = await ExpectMsgAsync<ConfigProtocol.ReloadRejected>();
        Assert.Equal((null, 3L), (noConfig.Attempted, noConfig.InForce));

        owner.Tell(new ConfigProtocol.Reload(Config.ForVersion(4) with { Workers = 1 }), TestActor);
        var invalid = await ExpectMsgAsync<ConfigProtocol.ReloadRejected>();
        Assert.Contains("workers", invalid.Reason);

        owner.Tell(new ConfigProtocol.Reload(Config.ForVersion(2)), TestActor);
        var stale = await ExpectMsgAsync<ConfigProtocol.ReloadRejected>();
        Assert.Contains("not newer", stale.Reason);

        owner.Tell(ConfigProtocol.GetCurrent.Instance, TestActor);
        await ExpectMsgAsync(new ConfigProtocol.CurrentConfig(Config.ForVersion(3)));

        // The subscriber's next message is the next accepted config: nothing was pushed for the refusals.
        owner.Tell(new ConfigProtocol.Reload(Config.ForVersion(4)), TestActor);
        await ExpectMsgAsync(new ConfigProtocol.Reloaded(4));
        await subscriber.ExpectMsgAsync<ConfigProtocol.ConfigChanged>(c => c.Config.Version == 4);
    }

    [Fact]
    public async Task A_subscription_without_a_subscriber_is_refused()
    {
        IActorRef owner = Sys.ActorOf(ConfigOwnerActor.Props(Config.ForVersion(1)));
        owner.Tell(new ConfigProtocol.Subscribe(null!), TestActor);
        await ExpectMsgAsync<ConfigProtocol.SubscribeRejected>();
    }

    [Fact]
    public async Task An_unsubscribed_subscriber_gets_no_further_configs()
    {
        IActorRef owner = Sys.ActorOf(ConfigOwnerActor.Props(Config.ForVersion(1)));
        TestProbe leaving = CreateTestProbe();
        TestProbe staying = CreateTestProbe();
        owner.Tell(new ConfigProtocol.Subscribe(leaving.Ref));
        owner.Tell(new ConfigProtocol.Subscribe(staying.Ref));
        owner.Tell(new ConfigProtocol.Unsubscribe(leaving.Ref));
        owner.Tell(new ConfigProtocol.Reload(Config.ForVersion(2)), TestActor);
        await ExpectMsgAsync(new ConfigProtocol.Reloaded(2));

        await staying.ExpectMsgAsync<ConfigProtocol.ConfigChanged>(c => c.Config.Version == 1);
        await staying.ExpectMsgAsync<ConfigProtocol.ConfigChanged>(c => c.Config.Version == 2);

        // Once GetCurrent is answered, the reload's handler has finished: had it pushed v2 to the leaving
        // subscriber, v2 would be queued there by now, behind its v1.
        owner.Tell(ConfigProtocol.GetCurrent.Instance, TestActor);
        await ExpectMsgAsync<ConfigProtocol.CurrentConfig>();
        await leaving.ExpectMsgAsync<ConfigProtocol.ConfigChanged>(c => c.Config.Version == 1);
        Assert.False(leaving.HasMessages);
    }
}
