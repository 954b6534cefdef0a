namespace ActorConcurrency.SharedState.Leaks;

/// <summary>
/// Task 9: the exercise's <c>fetch(ctx)</c>. Calls a slow backend and returns its answer, or gives up when
/// the caller's token is cancelled (the caller's <c>context.WithTimeout</c>). The forms differ in what
/// happens to the work after the caller gave up.
/// </summary>
public interface IFetch
{
    /// <summary>The backend's answer, or an <see cref="OperationCanceledException"/> once <paramref name="cancellationToken"/> fires.</summary>
    Task<string> FetchAsync(CancellationToken cancellationToken);
}
