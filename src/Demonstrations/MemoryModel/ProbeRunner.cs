using System.Diagnostics;

namespace ActorConcurrency.Demonstrations.MemoryModel;

/// <summary>
/// Task 11: runs one probe in a child process — an assembly (the host's own) whose hidden command
/// <c>probe &lt;name&gt;</c> calls <see cref="MemoryModelProbes.Run"/> — so a probe that spins for ever never leaves a
/// spinning thread in the process that asked.
/// The timeout is counted from the moment the child says it set the flag, so a slow process start on a
/// busy machine is not mistaken for a hang; a child that has not answered by then is killed.
/// </summary>
public static class ProbeRunner
{
    /// <summary>How long a child may take to start and reach its probe before it counts as failed.</summary>
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="probe"/>; kills it if no result came <paramref name="timeout"/> after the flag was set.</summary>
    /// <param name="probeHost">The assembly the child runs, with <c>probe &lt;name&gt;</c> (the host's own).</param>
    /// <param name="probe">The probe's name (see <see cref="MemoryModelProbes"/>).</param>
    /// <param name="timeout">How long the probe may go on after its flag was set.</param>
    /// <param name="cancellationToken">Kills the child and stops waiting.</param>
    /// <exception cref="ArgumentException"><paramref name="probe"/> is not a known probe, or <paramref name="probeHost"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is not positive.</exception>
    public static async Task<ProbeReport> RunAsync(string probeHost, string probe, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(probeHost);
        if (!MemoryModelProbes.Descriptions.ContainsKey(probe))
        {
            throw new ArgumentException($"unknown probe '{probe}'", nameof(probe));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "exec", probeHost, "probe", probe })
        {
            start.ArgumentList.Add(argument);
        }

        using Process child = Process.Start(start) ?? throw new InvalidOperationException("could not start the probe's child process");
        Task<string> standardError = child.StandardError.ReadToEndAsync(cancellationToken);
        var environment = new Dictionary<string, string>();
        var result = new Dictionary<string, string>();
        Stopwatch? sinceStop = null;
        try
        {
            while (true)
            {
                TimeSpan limit = sinceStop is null ? StartupLimit : timeout - sinceStop.Elapsed;
                string? line = await ReadLineAsync(child, limit, cancellationToken).ConfigureAwait(false);
                if (line is null && sinceStop is not null && !child.HasExited)
                {
                    // The flag was set and the child said nothing more in time: the probe is hung.
                    TimeSpan waited = sinceStop.Elapsed;
                    child.Kill(entireProcessTree: true);
                    await child.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                    return new ProbeReport(probe, ProbeOutcome.Hung, waited, result, environment, null);
                }

                if (line is null)
                {
                    return await FailedAsync(child, probe, environment, standardError, sinceStop?.Elapsed ?? TimeSpan.Zero).ConfigureAwait(false);
                }

                if (line.StartsWith("env ", StringComparison.Ordinal))
                {
                    AddPair(environment, line["env ".Length..]);
                }
                else if (line == "stop-set")
                {
                    sinceStop = Stopwatch.StartNew();
                }
                else if (line.StartsWith("result ", StringComparison.Ordinal) && sinceStop is not null)
                {
                    TimeSpan elapsed = sinceStop.Elapsed;
                    foreach (string pair in line["result ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        AddPair(result, pair);
                    }

                    await child.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                    return new ProbeReport(probe, ProbeOutcome.Terminated, elapsed, result, environment, null);
                }
            }
        }
        finally
        {
            // Whatever happened (Ctrl+C included), no probe outlives the run that started it.
            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>The next line, or null when the child closed its output or <paramref name="limit"/> passed.</summary>
    private static async Task<string?> ReadLineAsync(Process child, TimeSpan limit, CancellationToken cancellationToken)
    {
        if (limit <= TimeSpan.Zero)
        {
            return null;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        try
        {
            return await child.StandardOutput.ReadLineAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async Task<ProbeReport> FailedAsync(
        Process child, string probe, Dictionary<string, string> environment, Task<string> standardError, TimeSpan elapsed)
    {
        if (!child.HasExited)
        {
            child.Kill(entireProcessTree: true);
        }

        await child.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        string error = (await standardError.ConfigureAwait(false)).Trim();
        return new ProbeReport(probe, ProbeOutcome.Failed, elapsed, new Dictionary<string, string>(), environment, $"exit code {child.ExitCode}: {error}");
    }

    private static void AddPair(Dictionary<string, string> into, string pair)
    {
        int equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            into[pair[..equals]] = pair[(equals + 1)..];
        }
    }

    /// <summary>
    /// The <c>dotnet</c> executable to run this assembly with: the one the SDK names in <c>DOTNET_HOST_PATH</c>
    /// (set under <c>dotnet run</c> and <c>dotnet test</c>), else this process if it is <c>dotnet</c>, else the one on the PATH.
    /// </summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        return Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }
}
