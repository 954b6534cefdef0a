using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using ActorConcurrency.SharedState.MemoryModel;

namespace ActorConcurrency.Demonstrations.MemoryModel;

/// <summary>
/// Task 11: the probes a child process runs (<c>probe &lt;name&gt;</c>), and the line protocol it speaks to
/// the parent on standard output: <c>env key=value</c> lines, then <c>stop-set</c> when the flag was set,
/// then <c>result key=value …</c> if the probe's thread finished. A probe that hangs never prints its
/// result; the parent kills it (see <see cref="ProbeRunner"/>).
/// </summary>
public static class MemoryModelProbes
{
    public const string StopPlain = "stop-plain";
    public const string StopVolatile = "stop-volatile";
    public const string PublishPlain = "publish-plain";
    public const string PublishVolatile = "publish-volatile";

    public const string OrderPlain = "order-plain";
    public const string OrderVolatile = "order-volatile";

    /// <summary>A control that blocks for ever, so the runner's kill path can be shown and tested.</summary>
    public const string Block = "block";

    /// <summary>
    /// How long the main thread lets the probe's thread run its loop before setting the flag. The loop has
    /// no side effect to wait on (that is the point of it), so this one wait is by time; if the flag were
    /// set before the loop started, the result's <c>iterations=0</c> says so.
    /// </summary>
    private static readonly TimeSpan LetTheLoopRun = TimeSpan.FromMilliseconds(100);

    /// <summary>Each probe: what it is, for the help text and the demonstration's table.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        [StopPlain] = "A: spin on a plain bool stop flag",
        [StopVolatile] = "B: spin on the flag with Volatile.Read, stop with Volatile.Write",
        [PublishPlain] = "C: data = 42; ready = true (plain); reader spins on ready, prints data",
        [PublishVolatile] = "C fixed: ready written with Volatile.Write, read with Volatile.Read",
        [OrderPlain] = "C ordering: 1,000,000 plain publications; count reads where data was older than the flag",
        [OrderVolatile] = "C ordering fixed: the same with Volatile.Write / Volatile.Read on the flag",
        [Block] = "control: blocks for ever (shows a hung child is killed)",
    };

    /// <summary>Runs <paramref name="name"/> in this process, writing the protocol on <paramref name="output"/>.</summary>
    public static void Run(string name, TextWriter output)
    {
        foreach ((string key, string value) in DescribeEnvironment())
        {
            output.WriteLine($"env {key}={value}");
        }

        output.Flush();
        switch (name)
        {
            case StopPlain:
                RunStopFlag(StopFlagProbe.Plain(), output);
                break;
            case StopVolatile:
                RunStopFlag(StopFlagProbe.WithVolatile(), output);
                break;
            case PublishPlain:
                RunPublication(PublicationProbe.Plain(), output);
                break;
            case PublishVolatile:
                RunPublication(PublicationProbe.WithVolatile(), output);
                break;
            case OrderPlain:
                RunOrder(PublicationOrderProbe.Plain(), output);
                break;
            case OrderVolatile:
                RunOrder(PublicationOrderProbe.WithVolatile(), output);
                break;
            case Block:
                Say(output, "stop-set");
                using (var never = new ManualResetEventSlim())
                {
                    never.Wait();
                }

                break;
            default:
                throw new ArgumentException($"unknown probe '{name}'", nameof(name));
        }
    }

    /// <summary>The runtime, the JIT settings that decide what the loop compiles to, and the CPU.</summary>
    public static IEnumerable<(string Key, string Value)> DescribeEnvironment()
    {
        yield return ("runtime", RuntimeInformation.FrameworkDescription);
        yield return ("architecture", RuntimeInformation.ProcessArchitecture.ToString());
        yield return ("os", RuntimeInformation.OSDescription);
        yield return ("processors", Environment.ProcessorCount.ToString());
        yield return ("tiered-compilation", Knob("System.Runtime.TieredCompilation", "TieredCompilation", "on"));
        yield return ("quick-jit-for-loops", Knob("System.Runtime.TieredCompilation.QuickJitForLoops", "TC_QuickJitForLoops", "on, with on-stack replacement"));
        yield return ("tiered-pgo", Knob("System.Runtime.TieredPGO", "TieredPGO", "on"));
        bool debugBuild = typeof(StopFlagProbe).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled ?? false;
        yield return ("build", debugBuild ? "Debug (JIT optimiser disabled for the project's own methods)" : "Release (optimised)");
        yield return ("probe-loop", "DynamicMethod, always compiled fully optimised (no tiering, not affected by the Debug build)");
    }

    private static void RunStopFlag(StopFlagProbe probe, TextWriter output)
    {
        long iterations = -1;
        using var started = new ManualResetEventSlim();
        var spinner = new Thread(() =>
        {
            started.Set();
            iterations = probe.SpinUntilStopped();
        })
        { IsBackground = true, Name = "probe spinner" };
        spinner.Start();
        started.Wait();
        Thread.Sleep(LetTheLoopRun);

        probe.RequestStop();
        Say(output, "stop-set");

        // If the JIT hoisted the read, this never returns and the parent kills the process.
        spinner.Join();
        Say(output, $"result iterations={iterations}");
    }

    private static void RunPublication(PublicationProbe probe, TextWriter output)
    {
        int value = -1;
        using var started = new ManualResetEventSlim();
        var reader = new Thread(() =>
        {
            started.Set();
            value = probe.WaitAndRead();
        })
        { IsBackground = true, Name = "probe reader" };
        reader.Start();
        started.Wait();
        Thread.Sleep(LetTheLoopRun);

        probe.Publish();
        Say(output, "stop-set");
        reader.Join();
        Say(output, $"result value={value}");
    }

    private static void RunOrder(PublicationOrderProbe probe, TextWriter output)
    {
        const int rounds = 1_000_000;
        (long Reads, long Stale) seen = default;
        using var start = new Barrier(2);
        var reader = new Thread(() =>
        {
            start.SignalAndWait();
            seen = probe.ReadUntil(rounds);
        })
        { IsBackground = true, Name = "probe reader" };
        reader.Start();
        start.SignalAndWait();
        probe.Publish(rounds);
        Say(output, "stop-set");
        reader.Join();
        Say(output, $"result publications={rounds} reads={seen.Reads} stale={seen.Stale}");
    }

    private static void Say(TextWriter output, string line)
    {
        output.WriteLine(line);
        output.Flush();
    }

    /// <summary>A runtime setting: the DOTNET_ environment variable wins over runtimeconfig.json, else the runtime default.</summary>
    private static string Knob(string appContextName, string environmentName, string runtimeDefault)
    {
        if (Environment.GetEnvironmentVariable("DOTNET_" + environmentName) is { Length: > 0 } env)
        {
            return $"{(env == "0" ? "off" : "on")} (DOTNET_{environmentName}={env})";
        }

        return AppContext.TryGetSwitch(appContextName, out bool enabled)
            ? $"{(enabled ? "on" : "off")} (runtimeconfig {appContextName})"
            : $"{runtimeDefault} (runtime default)";
    }
}
