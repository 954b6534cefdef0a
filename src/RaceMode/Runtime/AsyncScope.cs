using System.ComponentModel;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>One resumption of a rewritten async state machine running as its logical thread; a local of <c>MoveNext</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct AsyncScope : IDisposable
{
    private LogicalThreadScope _scope;
    private bool _bound;

    internal AsyncScope(LogicalThreadScope scope)
    {
        _scope = scope;
        _bound = true;
    }

    /// <summary>Unbinds the logical thread (once; later calls do nothing).</summary>
    public void Dispose()
    {
        if (_bound)
        {
            _bound = false;
            ThreadAffinity.Leave();
            _scope.Dispose();
        }
    }
}
