using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace ActorConcurrency.Bench.Rings;

/// <summary>
/// The physical floor of <see cref="SpscBenchmarks"/>: <c>native/spsc_ring.cpp</c>, a classic cached-index SPSC
/// ring in C++, compiled here with <c>-O3</c> into a shared library and loaded in-process, so BenchmarkDotNet
/// times it in the same run as the C# rings. Its two worker threads are started once and parked like
/// <see cref="Harness.ParallelHarness"/>'s, pinned to CPUs 0 and 1; <see cref="Run"/> releases them to move
/// 0..items−1 and returns the consumer's sum. The compiler is <c>$CXX</c>, else <c>g++</c>, else <c>clang++</c>.
/// </summary>
internal sealed unsafe class NativeSpscRing : IDisposable
{
    private const string SourceName = "spsc_ring.cpp";

    private readonly nint _library;
    private nint _harness;
    private readonly delegate* unmanaged<nint, long, long> _run;
    private readonly delegate* unmanaged<nint, long, long> _runSingleThread;
    private readonly delegate* unmanaged<nint, void> _destroy;

    private NativeSpscRing(string libraryPath, int capacity)
    {
        _library = NativeLibrary.Load(libraryPath);
        var create = (delegate* unmanaged<int, int, nint>)NativeLibrary.GetExport(_library, "spsc_native_create");
        var pinned = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(_library, "spsc_native_pinned");
        _run = (delegate* unmanaged<nint, long, long>)NativeLibrary.GetExport(_library, "spsc_native_run");
        _runSingleThread = (delegate* unmanaged<nint, long, long>)NativeLibrary.GetExport(_library, "spsc_native_run_single_thread");
        _destroy = (delegate* unmanaged<nint, void>)NativeLibrary.GetExport(_library, "spsc_native_destroy");
        _harness = create(capacity, Environment.ProcessorCount >= 2 ? 1 : 0);
        if (_harness == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "The native ring needs a power-of-two capacity.");
        }

        PinnedWorkers = pinned(_harness);
    }

    /// <summary>How many of the two native workers were pinned to their CPU (0 on a one-CPU machine).</summary>
    public int PinnedWorkers { get; }

    /// <summary>Why the native ring cannot be built here (no compiler, no source), or null when it can.</summary>
    public static string? Unavailable
    {
        get
        {
            if (FindSource() is null)
            {
                return $"bench/Rings/native/{SourceName} not found above {AppContext.BaseDirectory}";
            }

            return FindCompiler() is null ? "no C++ compiler ($CXX, g++ or clang++) on PATH" : null;
        }
    }

    /// <summary>Compiles the native ring (once per source version, cached under the temp directory) and starts its workers.</summary>
    /// <exception cref="InvalidOperationException">It cannot be built here; the message says why.</exception>
    public static NativeSpscRing Start(int capacity)
    {
        string source = FindSource() ?? throw new InvalidOperationException(Unavailable);
        string compiler = FindCompiler() ?? throw new InvalidOperationException(Unavailable);
        string hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(source)))[..16];
        string directory = Path.Combine(Path.GetTempPath(), "actorconcurrency-spsc-native", hash);
        string library = Path.Combine(directory, "libspscring.so");
        if (!File.Exists(library))
        {
            Directory.CreateDirectory(directory);
            string scratch = library + "." + Environment.ProcessId + ".tmp";
            Compile(compiler, source, scratch);
            File.Move(scratch, library, overwrite: true);
        }

        return new NativeSpscRing(library, capacity);
    }

    /// <summary>Moves 0..<paramref name="items"/>−1 from the native producer to the native consumer; returns their sum.</summary>
    public long Run(long items)
    {
        ObjectDisposedException.ThrowIf(_harness == 0, this);
        return _run(_harness, items);
    }

    /// <summary>
    /// Moves 0..<paramref name="items"/>−1 through the native ring on the calling thread alone, filling it and
    /// draining it a lap at a time: the cost of the push and pop instructions without a second core. Returns the
    /// sum (−1 if a push or pop failed). Not while <see cref="Run"/> is in progress.
    /// </summary>
    public long RunSingleThread(long items)
    {
        ObjectDisposedException.ThrowIf(_harness == 0, this);
        return _runSingleThread(_harness, items);
    }

    /// <summary>Stops the native workers (the library stays loaded until the process exits).</summary>
    public void Dispose()
    {
        nint harness = _harness;
        _harness = 0;
        if (harness != 0)
        {
            _destroy(harness);
        }
    }

    private static void Compile(string compiler, string source, string output)
    {
        var start = new ProcessStartInfo(compiler)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            ArgumentList = { "-O3", "-std=c++20", "-pthread", "-shared", "-fPIC", "-o", output, source },
        };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {compiler}");
        string errors = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            throw new InvalidOperationException($"{compiler} did not finish compiling {source} within 2 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{compiler} failed on {source} (exit {process.ExitCode}): {errors}");
        }
    }

    private static string? FindSource()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "bench", "Rings", "native", SourceName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? FindCompiler()
    {
        string? named = Environment.GetEnvironmentVariable("CXX");
        string[] candidates = string.IsNullOrWhiteSpace(named) ? ["g++", "clang++"] : [named];
        string[] path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (string candidate in candidates)
        {
            if (Path.IsPathRooted(candidate) && File.Exists(candidate))
            {
                return candidate;
            }

            string? found = path.Select(dir => Path.Combine(dir, candidate)).FirstOrDefault(File.Exists);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }
}
