namespace ActorConcurrency.RaceDetector.Leaks;

/// <summary>
/// Task 9: the .NET counterpart of Go's <c>goleak</c>. <see cref="RunAsync"/> runs a body, then reports
/// every task started inside it — by plain <c>Task.Run</c>, <c>Task.Factory.StartNew</c>,
/// <c>ContinueWith</c> or any <c>async</c> method that suspended — which has not finished a grace period
/// after the body returned, with where each was started.
/// </summary>
/// <remarks>
/// <para>How it sees tasks without a special spawn helper: the runtime's <c>TplEventSource</c> reports
/// every task's creation (<c>TraceOperationBegin</c>, written on the creating thread), scheduling,
/// start and end. An in-process listener receives those events synchronously on the thread that wrote
/// them, reads an <see cref="AsyncLocal{T}"/> set for the body, and so knows the creation happened
/// inside the scope; it captures the stack there and then.</para>
/// <para>Why other tests do not pollute a scope: the scope travels in the <see cref="ExecutionContext"/>
/// of the body, and only code that inherits that context — the body and what it starts — sees it. Tests
/// running in parallel on other threads carry their own contexts and are ignored.</para>
/// <para>Blind spots: work queued with the flow of the execution context suppressed
/// (<c>ExecutionContext.SuppressFlow</c>, <c>UnsafeQueueUserWorkItem</c>, raw threads), and promise-style
/// tasks with no body (a bare <c>TaskCompletionSource</c>); an <c>async</c> method awaiting one is seen.
/// The listener turns the runtime's task events on for the whole process once the first check runs.</para>
/// </remarks>
public static class TaskLeakCheck
{
    /// <summary>
    /// Runs <paramref name="body"/> inside a fresh scope, waits for it, then waits up to
    /// <paramref name="gracePeriod"/> for the tasks it started to finish, and reports those that did not.
    /// The wait ends as soon as every tracked task has finished, so a clean scope costs no grace time.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gracePeriod"/> is negative or infinite.</exception>
    public static async Task<LeakReport> RunAsync(Func<Task> body, TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(gracePeriod, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(gracePeriod, TimeSpan.FromHours(1));

        TaskEventListener.EnsureListening();
        var scope = new LeakScope();
        try
        {
            // The body's exception is the caller's business: a failing body can still leak, but the
            // failure is what the caller must see first.
            await StartInScope(scope, body).ConfigureAwait(false);
            await scope.WaitForTrackedTasksAsync(gracePeriod, cancellationToken).ConfigureAwait(false);
            return scope.Report(gracePeriod);
        }
        finally
        {
            scope.Close();
        }
    }

    /// <summary>
    /// Starts the body with the scope in the execution context. This method is synchronous on purpose: the
    /// scope set here flows into everything the body starts (captured at each creation), and restoring the
    /// previous value before returning leaves the caller's own context — and so the caller's own async
    /// method, and the grace-period timer — outside the scope.
    /// </summary>
    private static Task StartInScope(LeakScope scope, Func<Task> body)
    {
        LeakScope? previous = LeakScope.Current;
        LeakScope.Current = scope;
        try
        {
            return body() ?? throw new InvalidOperationException("The body of a leak check returned a null task.");
        }
        finally
        {
            LeakScope.Current = previous;
        }
    }
}
