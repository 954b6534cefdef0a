using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// The hooks of PLINQ's operators (<c>ForAll</c> is in <see cref="ParallelHooks"/>): the rewriter wraps every delegate
/// given to a <c>ParallelEnumerable</c> operator so that its calls belong to the query's <see cref="PlinqScope"/>, binds
/// each query an operator returns to the scope of its source, and brackets a terminal operator (<c>ToList</c>,
/// <c>Sum</c>, <c>Count</c>, <c>Aggregate</c>, …) or an enumeration (<c>GetEnumerator</c>, each <c>MoveNext</c>, the
/// enumerator's <c>Dispose</c>) with the scope's start and finish.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PlinqHooks
{
    private static readonly ConditionalWeakTable<object, PlinqScope> s_scopes = [];
    private static volatile bool s_enumerated;

    /// <summary>The scope of <paramref name="query"/>: the one its chain shares, or a new one.</summary>
    public static PlinqScope Scope(object? query) => query is null ? new PlinqScope() : s_scopes.GetValue(query, _ => new PlinqScope());

    /// <summary>After an operator returned <paramref name="query"/>: it belongs to its source's scope.</summary>
    public static void Bind(object? query, PlinqScope scope)
    {
        if (query is not null)
        {
            s_scopes.AddOrUpdate(query, scope);
        }
    }

    /// <summary>Before a terminal operator or <c>GetEnumerator</c>.</summary>
    public static void Start(PlinqScope scope) => scope.Start();

    /// <summary>After a terminal operator returned.</summary>
    public static void Finish(PlinqScope scope) => scope.Finish();

    /// <summary>After <c>GetEnumerator</c> returned <paramref name="enumerator"/>.</summary>
    public static void Enumerating(object? enumerator, PlinqScope scope)
    {
        if (enumerator is not null)
        {
            s_scopes.AddOrUpdate(enumerator, scope);
            s_enumerated = true;
        }
    }

    /// <summary>After an <c>IEnumerator.MoveNext</c> of rewritten code returned <paramref name="more"/>.</summary>
    public static void Moved(bool more, object? enumerator)
    {
        if (!s_enumerated || enumerator is null || !s_scopes.TryGetValue(enumerator, out PlinqScope? scope))
        {
            return;
        }

        if (more)
        {
            scope.Observe();
        }
        else
        {
            Ended(enumerator, scope);
        }
    }

    /// <summary>Before an <c>IDisposable.Dispose</c> of rewritten code: an enumeration left early ends here.</summary>
    public static void Disposing(object? enumerator)
    {
        if (s_enumerated && enumerator is not null && s_scopes.TryGetValue(enumerator, out PlinqScope? scope))
        {
            Ended(enumerator, scope);
        }
    }

    /// <summary>An enumeration ended (its last <c>MoveNext</c>, or its <c>Dispose</c>): once per enumerator, its execution finishes.</summary>
    private static void Ended(object enumerator, PlinqScope scope)
    {
        if (s_scopes.Remove(enumerator))
        {
            scope.Finish();
        }
    }

    /// <summary>A <c>Func&lt;TResult&gt;</c> given to an operator (an <c>Aggregate</c> seed factory).</summary>
    public static Func<TResult>? Func1<TResult>(Func<TResult>? call, PlinqScope scope) =>
        call is null ? null : () => scope.Call(call, null, null, null);

    /// <summary>A <c>Func&lt;T, TResult&gt;</c> given to an operator (a selector, predicate or key selector).</summary>
    public static Func<T, TResult>? Func2<T, TResult>(Func<T, TResult>? call, PlinqScope scope) =>
        call is null ? null : x => scope.Call(() => call(x), x, null, null);

    /// <summary>A <c>Func&lt;T1, T2, TResult&gt;</c> given to an operator (an accumulator, an indexed selector, a result selector).</summary>
    public static Func<T1, T2, TResult>? Func3<T1, T2, TResult>(Func<T1, T2, TResult>? call, PlinqScope scope) =>
        call is null ? null : (x, y) => scope.Call(() => call(x, y), x, y, null);

    /// <summary>A <c>Func&lt;T1, T2, T3, TResult&gt;</c> given to an operator.</summary>
    public static Func<T1, T2, T3, TResult>? Func4<T1, T2, T3, TResult>(Func<T1, T2, T3, TResult>? call, PlinqScope scope) =>
        call is null ? null : (x, y, z) => scope.Call(() => call(x, y, z), x, y, z);
}
