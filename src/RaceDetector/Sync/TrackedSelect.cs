using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Sync;

/// <summary>
/// Go's <c>select</c> over <see cref="TrackedChannel{T}"/> sends and receives. If one or more cases can
/// proceed, one of them is chosen uniformly at random and performed; otherwise <see cref="SelectOrDefault"/>
/// takes the <c>default</c> branch at once, and <see cref="Select"/> blocks until one can. The case that
/// fires synchronises exactly like the send or receive it is (a receive that fires acquires like that
/// receive; a receive woken by close acquires from the close); the others, and a <c>default</c>, create no
/// edge. A send case on a closed channel throws when it is chosen, as Go panics. A blocked select offers
/// its cases on every unbuffered channel it waits on, so two selects can meet on one.
/// </summary>
public static class TrackedSelect
{
    /// <summary>
    /// <c>select { case …: … }</c> without default: blocks until a case fires; returns its index in
    /// <paramref name="cases"/>.
    /// </summary>
    /// <exception cref="ArgumentException">No case (Go's <c>select {}</c> blocks forever), a null case, or cases of two detectors.</exception>
    /// <exception cref="System.Threading.Channels.ChannelClosedException">A send case on a closed channel was chosen.</exception>
    public static int Select(params SelectCase[] cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        if (cases.Length == 0)
        {
            throw new ArgumentException("A select with no case and no default blocks forever (Go's select {}).", nameof(cases));
        }

        return Run(cases, hasDefault: false);
    }

    /// <summary><c>select { case …: …; default: }</c>: fires a case that can proceed now, or returns -1 (default) with no edge.</summary>
    /// <exception cref="ArgumentException">A null case, or cases of two detectors.</exception>
    /// <exception cref="System.Threading.Channels.ChannelClosedException">A send case on a closed channel was chosen.</exception>
    public static int SelectOrDefault(params SelectCase[] cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return cases.Length == 0 ? -1 : Run(cases, hasDefault: true);
    }

    private static int Run(SelectCase[] cases, bool hasDefault)
    {
        VectorClockDetector detector = Validate(cases);
        LogicalThread thread = detector.CurrentThread();
        object gate = detector.ChannelGate;
        Span<int> order = cases.Length <= 16 ? stackalloc int[cases.Length] : new int[cases.Length];
        lock (gate)
        {
            while (true)
            {
                // Poll the cases in a random order: among those that can proceed, each is chosen with equal chance.
                Shuffle(order);
                foreach (int i in order)
                {
                    if (cases[i].TryFire(thread))
                    {
                        return i;
                    }
                }

                if (hasDefault)
                {
                    return -1;
                }

                var waiter = new SelectWaiter();
                for (int i = 0; i < cases.Length; i++)
                {
                    cases[i].Post(waiter, i, thread);
                }

                // A partner blocked in its own select may be able to meet one of these offers now.
                Monitor.PulseAll(gate);
                while (waiter.Live && !AnyReady(cases, waiter))
                {
                    Monitor.Wait(gate);
                }

                foreach (SelectCase c in cases)
                {
                    c.Withdraw();
                }

                if (!waiter.Live)
                {
                    cases[waiter.Fired].CompleteFired(thread);
                    return waiter.Fired;
                }

                // Some case became possible without a partner taking an offer (room, a value, a close): poll again.
            }
        }
    }

    private static VectorClockDetector Validate(SelectCase[] cases)
    {
        VectorClockDetector? detector = null;
        foreach (SelectCase c in cases)
        {
            if (c is null)
            {
                throw new ArgumentException("A select case is null.", nameof(cases));
            }

            detector ??= c.Detector;
            if (c.Detector != detector)
            {
                throw new ArgumentException("The cases' channels belong to different detectors.", nameof(cases));
            }
        }

        return detector!;
    }

    private static bool AnyReady(SelectCase[] cases, SelectWaiter own)
    {
        foreach (SelectCase c in cases)
        {
            if (c.IsReady(own))
            {
                return true;
            }
        }

        return false;
    }

    private static void Shuffle(Span<int> order)
    {
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = Random.Shared.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
