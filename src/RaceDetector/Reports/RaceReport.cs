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
    public string Format() => Format(stripPathPrefix: null);

    /// <summary>
    /// The report in the layout of Go's race detector: both accesses with their stacks, then where each logical
    /// thread was created (Go's <c>Goroutine 7 (running) created at:</c>), with <paramref name="stripPathPrefix"/> cut
    /// from source paths (Go's <c>strip_path_prefix</c>).
    /// </summary>
    public string Format(string? stripPathPrefix)
    {
        var text = new StringBuilder();
        text.AppendLine(Rule).AppendLine("WARNING: DATA RACE");
        Append(text, Current, isPrevious: false);
        text.AppendLine();
        Append(text, Previous, isPrevious: true);
        AppendOrigin(text, Current, running: true);
        if (Previous.ThreadId != Current.ThreadId)
        {
            AppendOrigin(text, Previous, running: false);
        }

        text.Append(Rule);
        string report = text.ToString();
        return string.IsNullOrEmpty(stripPathPrefix) ? report : report.Replace(stripPathPrefix, string.Empty, StringComparison.Ordinal);
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
            .Append($" of '{Variable}'{(access.Site.Operation is { } operation ? $" ({operation})" : "")} by logical thread {access.ThreadName} (#{access.ThreadId})")
            .AppendLine(access.Label is { } label && label != access.ThreadName ? $" in {label}:" : ":");
        if (access.Stack is { Length: > 0 } stack)
        {
            text.AppendLine(stack.TrimEnd());
        }
        else
        {
            text.AppendLine($"  {FriendlyNames.Member(access.Site.Member)}()")
                .AppendLine($"      {access.Site.File}:{access.Site.Line}")
                .AppendLine("  (stack not kept: only the call site of this access is known)");
        }
    }

    /// <summary>Go's closing sections: <c>Goroutine 7 (running) created at:</c> and the creating stack.</summary>
    private static void AppendOrigin(StringBuilder text, RaceAccess access, bool running)
    {
        if (access.Origin is not { } origin || origin.Stack is { Length: 0 })
        {
            return; // a root, or made by framework code with no frame of the user's to show
        }

        text.AppendLine()
            .AppendLine($"Logical thread {access.ThreadName} (#{access.ThreadId}){(running ? " (running)" : string.Empty)} created by {FriendlyNames.Thread(origin.ParentName)} (#{origin.ParentId}) at:");
        text.AppendLine(origin.Stack is { } stack ? stack.TrimEnd() : "  (stack not kept)");
    }
}
