using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// One case of a <see cref="TrackedSelect"/>: a send (<see cref="SendCase{T}"/>) or a receive
/// (<see cref="ReceiveCase{T}"/>) on a <see cref="TrackedChannel{T}"/>. Made by the channel
/// (<c>ch.SendCase(v)</c>, <c>ch.ReceiveCase()</c>); every member runs under the detector's channel gate.
/// </summary>
public abstract class SelectCase
{
    private protected SelectCase()
    {
    }

    internal abstract VectorClockDetector Detector { get; }

    /// <summary>Performs the operation now if it can proceed (a send on a closed channel throws).</summary>
    internal abstract bool TryFire(LogicalThread thread);

    /// <summary>Whether it could proceed now, other than through <paramref name="own"/> offers.</summary>
    internal abstract bool IsReady(SelectWaiter own);

    /// <summary>Blocking: offers this case to partners (unbuffered channels only).</summary>
    internal abstract void Post(SelectWaiter waiter, int index, LogicalThread thread);

    /// <summary>Takes back the offer, if any.</summary>
    internal abstract void Withdraw();

    /// <summary>A partner took this case's offer: finish its side of the hand-off.</summary>
    internal abstract void CompleteFired(LogicalThread thread);
}
