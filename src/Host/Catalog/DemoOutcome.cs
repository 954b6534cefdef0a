using ActorConcurrency.Demonstrations;

namespace ActorConcurrency.Host.Catalog;

/// <summary>
/// The result of a demonstration not yet moved to the Demonstrations library: the verdict alone, its figures being
/// the tables it printed (which <c>--json</c> records).
/// </summary>
/// <param name="Held">Whether what the task demonstrates held in this run (a fixed counter reached its total, …).</param>
/// <param name="Evidence">One line of measured evidence for the tour's summary table.</param>
/// <param name="NotObserved">
/// What a broken form was expected to show and did not in this run, with what would make it show; null when
/// every broken form broke. The verdict still says <c>held</c> (the correct forms were checked), with this beside it.
/// </param>
internal sealed record DemoOutcome(bool Held, string Evidence, string? NotObserved = null) : IDemonstrationResult;
