using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.Tests.RaceDetector;

/// <summary>Runs a small program under a fresh detector (no kept stacks, a short deadlock timeout) for the specs of the detector's primitives.</summary>
internal static class DetectorPrograms
{
    public static readonly RaceDetectorOptions Options = new() { KeepAccessStacks = false, RunTimeout = TimeSpan.FromSeconds(30) };

    public static VectorClockDetector Run(Action<VectorClockDetector> program, RaceDetectorOptions? options = null)
    {
        var detector = new VectorClockDetector(options ?? Options);
        detector.Run("main", () => program(detector));
        return detector;
    }

    /// <summary>The only race reported, on <paramref name="variable"/>, between those two kinds of access.</summary>
    public static void AssertSingleRace(VectorClockDetector detector, string variable, AccessKind current, AccessKind previous)
    {
        var race = Assert.Single(detector.Races);
        Assert.Equal(variable, race.Variable);
        Assert.Equal((current, previous), (race.Current.Kind, race.Previous.Kind));
    }
}
