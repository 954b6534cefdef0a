using System.Runtime.CompilerServices;
using ActorConcurrency.RaceDetector.Tracking;
using ActorConcurrency.RaceMode.Runtime;
using ActorConcurrency.Tests.Support;

namespace ActorConcurrency.Tests.RaceMode;

/// <summary>
/// A race-mode session is freed when it ends, even when the code it checked touched objects that outlive it (a
/// static, a singleton, a cache the program keeps): a program or a property test that runs many sessions must not
/// keep every one of them, with its detector, shadow memory and clocks.
/// </summary>
[Collection(RaceModeCollection.Name)]
public sealed class SessionLifetimeSpec
{
    private static readonly LongLived s_longLived = new();
    private static readonly int s_fieldSite = SiteTable.Register(new AccessSite("SessionLifetimeSpec.Touch", "SessionLifetimeSpec.cs", 1), SiteTable.Location("LongLived.Value"));
    private static readonly int s_elementSite = SiteTable.Register(new AccessSite("SessionLifetimeSpec.Touch", "SessionLifetimeSpec.cs", 2), SiteTable.Location("LongLived.Items[]"));

    [Fact]
    public void A_session_that_touched_objects_which_outlive_it_is_collected_when_it_ends()
    {
        WeakReference detector = RunOnce(s_longLived);

        Assert.True(Collected.Is(detector), "the ended session's detector is still reachable from the objects it checked");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference RunOnce(LongLived longLived)
    {
        WeakReference? detector = null;
        RaceSession.Run(() =>
        {
            detector = new WeakReference(RaceSession.Active!.Detector);

            // What rewritten code calls for a field write, an element read and a lock around them.
            SyncHooks.Acquire(longLived.Gate);
            RaceHooks.Write(longLived, s_fieldSite);
            RaceHooks.ReadElement(longLived.Items, 1, s_elementSite);
            SyncHooks.Release(longLived.Gate);
        });
        return detector!;
    }

    private sealed class LongLived
    {
        public object Gate { get; } = new();

        public int[] Items { get; } = new int[4];

#pragma warning disable CS0649 // the spec checks the shadow of this field, never its value
        public int Value;
#pragma warning restore CS0649
    }
}
