using Akka.Actor;

namespace ActorConcurrency.PropertyChecks;

/// <summary>Runs task 15's properties one after another and keeps each one's outcome; a failure is kept, not thrown.</summary>
public static class PropertyCheckRun
{
    /// <summary>Runs <paramref name="properties"/> (the specs pass a suite with a deliberately broken form to see a failure reported).</summary>
    /// <param name="properties">The properties, in order.</param>
    /// <param name="budget">Iterations or soak seconds per property.</param>
    /// <param name="system">The actor system the actor properties run on.</param>
    /// <param name="current">Told the name of each property as it starts; may be null.</param>
    /// <param name="cancellationToken">Stops between properties.</param>
    public static PropertyChecksResult Run(
        IReadOnlyList<PropertySuite.Entry> properties, PropertyBudget budget, ActorSystem system, IProgress<string>? current, CancellationToken cancellationToken)
    {
        var checks = new List<PropertyCheck>(properties.Count);
        foreach (PropertySuite.Entry property in properties)
        {
            cancellationToken.ThrowIfCancellationRequested();
            current?.Report(property.Name);
            var started = DateTime.UtcNow;
            try
            {
                PropertyResult result = property.Run(system, budget);
                checks.Add(new PropertyCheck(result.Name, true, result.Summary, result.Elapsed.TotalSeconds));
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The message names the property and the seed, then CsCheck's shrunk, minimal failing example.
                var failure = error as PropertyFailedException ?? new PropertyFailedException(property.Name, error);
                checks.Add(new PropertyCheck(property.Name, false, failure.Message, (DateTime.UtcNow - started).TotalSeconds));
            }
        }

        return new PropertyChecksResult(budget.ToString(), checks);
    }
}
