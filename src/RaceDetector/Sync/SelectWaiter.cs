namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// One blocked select (or blocked send/receive, a select of one case): the token its offers on unbuffered
/// channels share, so a partner can fire exactly one of its cases. Guarded by the detector's channel gate.
/// </summary>
internal sealed class SelectWaiter
{
    /// <summary>The case a partner fired, or -1 while none has.</summary>
    public int Fired { get; set; } = -1;

    /// <summary>Whether its offers can still be taken.</summary>
    public bool Live => Fired < 0;
}
