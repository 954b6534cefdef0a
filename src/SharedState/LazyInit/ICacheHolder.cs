namespace ActorConcurrency.SharedState.LazyInit;

/// <summary>
/// Task 5: the exercise's <c>GetCache()</c>, returning one <see cref="Cache"/> built on first use by the
/// initialiser the holder was given. Every form differs only in how it makes "first use" happen once.
/// </summary>
public interface ICacheHolder
{
    /// <summary>The cache, built by the initialiser if no caller has built it yet.</summary>
    Cache GetCache();
}
