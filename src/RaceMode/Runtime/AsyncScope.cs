using System.ComponentModel;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// One run of a rewritten async state machine's <c>MoveNext</c>; a local of it. When the machine has its own logical
/// thread, the run is bound to it; either way the run is the innermost <c>MoveNext</c> of its real thread until
/// disposed (so a completion knows whose it is, see <see cref="AsyncHooks"/>).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct AsyncScope : IDisposable
{
    private LogicalThreadScope _scope;
    private readonly LogicalThread? _outer;
    private bool _bound;
    private bool _open;

    internal AsyncScope(LogicalThreadScope scope, LogicalThread? thread, LogicalThread? outer)
    {
        _scope = scope;
        _outer = outer;
        _bound = thread is not null;
        _open = true;
    }

    /// <summary>Unbinds the logical thread and ends the run (once; later calls do nothing).</summary>
    public void Dispose()
    {
        if (_bound)
        {
            _bound = false;
            ThreadAffinity.Leave();
            _scope.Dispose();
        }

        if (_open)
        {
            _open = false;
            AsyncHooks.Ended(_outer);
        }
    }
}
