namespace ActorConcurrency.Host.BenchReport;

/// <summary>One bar of a <see cref="ChartLayout"/>, in axis units (the log10 of the value on a log axis).</summary>
/// <param name="Series">Index of its series (thread count) in the group.</param>
/// <param name="Position">Where it stands on the category axis.</param>
/// <param name="Value">Its top: the mean, or the rate.</param>
/// <param name="Low">The bottom of its error bar (never below the axis' base).</param>
/// <param name="High">The top of its error bar (never above the data's top).</param>
/// <param name="Label">Its value and unit, printed above its error bar.</param>
internal sealed record ChartBar(int Series, double Position, double Value, double Low, double High, string Label);
