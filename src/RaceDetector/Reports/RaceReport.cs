using System.Text;
using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceDetector.Reports;

/// <summary>
/// A data race: two accesses to one variable, at least one a write, neither happening before the other.
/// One report is kept per pair of code sites, like Go's <c>-race</c>.
/// </summary>
/// <param name="Variable">The tracked variable's name.</param>
/// <param name="Current">The access that found the race.</param>
/// <param name="Previous">The earlier access it races with.</param>
public sealed record RaceReport(string Variable, RaceAccess Current, RaceAccess Previous)
{
    private const string Rule = "==================";

    /// <summary>The report in the layout of Go's race detector.</summary>
    public string Format()
    {
        var text = new StringBuilder();
        text.AppendLine(Rule).AppendLine("WARNING: DATA RACE");
        Append(text, Current, isPrevious: false);
        text.AppendLine();
        Append(text, Previous, isPrevious: true);
        text.Append(Rule);
        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Current.Kind} of '{Variable}' by {Current.ThreadName} at {Current.Site} races with previous {Previous.Kind} by {Previous.ThreadName} at {Previous.Site}";

    private void Append(StringBuilder text, RaceAccess access, bool isPrevious)
    {
        string kind = access.Kind switch
        {
            AccessKind.AtomicRead => "atomic read",
            AccessKind.AtomicWrite => "atomic write",
            AccessKind.Write => "write",
            _ => "read",
        };
        text.Append(isPrevious ? $"Previous {kind}" : char.ToUpperInvariant(kind[0]) + kind[1..])
            .AppendLine($" of '{Variable}'{(access.Site.Operation is { } operation ? $" ({operation})" : "")} by logical thread {access.ThreadName} (#{access.ThreadId}):");
        if (access.Stack is { Length: > 0 } stack)
        {
            text.AppendLine(stack.TrimEnd());
        }
        else
        {
            text.AppendLine($"  {access.Site.Member}()")
                .AppendLine($"      {access.Site.File}:{access.Site.Line}")
                .AppendLine("  (stack not kept: only the call site of this access is known)");
        }
    }
}
