namespace ActorConcurrency.SharedState.Config;

/// <summary>
/// Task 6: one immutable configuration. Its fields must agree with each other — <see cref="Workers"/>,
/// <see cref="QueueCapacity"/> and <see cref="Label"/> are all derived from <see cref="Version"/> — so a
/// reader that saw a mix of two configs (one field from each) would notice. Being a record of init-only
/// properties, a published instance never changes: readers need no lock to read it whole.
/// </summary>
/// <param name="Version">Increases with every reload; readers check it never goes back.</param>
/// <param name="Workers">How many workers this version runs: 1 + <c>Version % 16</c>.</param>
/// <param name="QueueCapacity">Always <see cref="QueuePerWorker"/> × <see cref="Workers"/>.</param>
/// <param name="Label">Always <c>"v" + Version</c>.</param>
public sealed record Config(long Version, int Workers, int QueueCapacity, string Label)
{
    /// <summary>Queue slots per worker: the rule tying <see cref="QueueCapacity"/> to <see cref="Workers"/>.</summary>
    public const int QueuePerWorker = 64;

    /// <summary>The consistent config of <paramref name="version"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is below 1.</exception>
    public static Config ForVersion(long version)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        int workers = 1 + (int)(version % 16);
        return new Config(version, workers, workers * QueuePerWorker, $"v{version}");
    }

    /// <summary>Why this config is invalid, or null when every field agrees with <see cref="Version"/>.</summary>
    public string? Validate()
    {
        if (Version < 1)
        {
            return $"version must be at least 1, got {Version}";
        }

        if (Workers != 1 + (int)(Version % 16))
        {
            return $"workers {Workers} does not match version {Version} (expected {1 + (Version % 16)})";
        }

        if (QueueCapacity != Workers * QueuePerWorker)
        {
            return $"queue capacity {QueueCapacity} is not {QueuePerWorker} x {Workers} workers";
        }

        return Label == $"v{Version}" ? null : $"label '{Label}' does not match version {Version}";
    }
}
