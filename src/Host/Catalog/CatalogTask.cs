using System.CommandLine;
using ActorConcurrency.Demonstrations;

namespace ActorConcurrency.Host.Catalog;

/// <summary>
/// One task of the catalog. Each task is one class in <c>src/Host/Tasks</c>, found by reflection, so
/// adding a task touches only its own file.
/// </summary>
internal abstract class CatalogTask
{
    /// <summary>What the catalog lists for this task.</summary>
    public abstract TaskInfo Info { get; }

    /// <summary>Options of <c>run</c> that this task reads (for example task 1's <c>--runs</c>).</summary>
    public virtual IReadOnlyList<Option> Options => [];

    /// <summary>
    /// Runs the demonstration: reads its options into its experiment's settings, runs the experiment (in the
    /// Demonstrations library), prints the result record it returned and returns that record, which says whether the
    /// property it demonstrates held, with a one-line summary of the evidence for the tour's table.
    /// </summary>
    public abstract Task<IDemonstrationResult> RunAsync(DemoContext context);
}
