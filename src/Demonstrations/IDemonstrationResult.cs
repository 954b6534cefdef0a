namespace ActorConcurrency.Demonstrations;

/// <summary>
/// What every experiment's result record says besides its figures: whether what the task demonstrates held, the one
/// line of evidence the tour's summary shows, and what a broken form was expected to show and did not. Each is computed
/// from the record's figures, so a verdict never contradicts its table.
/// </summary>
public interface IDemonstrationResult
{
    /// <summary>Whether what the task demonstrates held in this run (a fixed counter reached its total, …).</summary>
    bool Held { get; }

    /// <summary>One line of measured evidence for the tour's summary table.</summary>
    string Evidence { get; }

    /// <summary>
    /// What a broken form was expected to show and did not in this run, with what would make it show; null when every
    /// broken form broke. The verdict still says <c>held</c> (the correct forms were checked), with this beside it.
    /// </summary>
    string? NotObserved => null;
}
