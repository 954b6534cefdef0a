using System.Diagnostics;
using System.Globalization;
using ActorConcurrency.Actors.ShardedCounters;

namespace ActorConcurrency.Chaos;

/// <summary>
/// One real OS process of the host's <c>node</c> command, started by this run and by nothing else. It runs
/// under <c>timeout --signal=KILL</c>, so it dies at its hard lifetime even if this run itself is killed;
/// its standard output and error go to files in the scenario folder; signals go to its own pid only (the
/// child of that <c>timeout</c>, read from <c>/proc</c>). What it printed (<see cref="NodeOutput"/>) and the report
/// file it rewrites at each tick are how a scenario watches it.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _timeout;
    private readonly NodeOutput _output;
    private int _pid;

    private NodeProcess(string name, int port, string folder, Process timeout, NodeOutput output, bool loader)
    {
        Name = name;
        Port = port;
        Folder = folder;
        _timeout = timeout;
        _output = output;
        IsLoader = loader;
        StartedAt = DateTimeOffset.UtcNow;
    }

    /// <summary>The scenario's name for it (S, B, L, …).</summary>
    public string Name { get; }

    public int Port { get; }

    /// <summary>host:port, as another node names it in <c>--seed</c>.</summary>
    public string Seed => $"127.0.0.1:{Port}";

    public string Folder { get; }

    public string ReportPath => Path.Combine(Folder, $"{Name}.report.json");

    public string StdoutPath => Path.Combine(Folder, $"{Name}.stdout.txt");

    public string StderrPath => Path.Combine(Folder, $"{Name}.stderr.txt");

    public bool IsLoader { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>Set when this run sent it SIGKILL: its report is its last tick's.</summary>
    public DateTimeOffset? KilledAt { get; private set; }

    /// <summary>Set when this run froze it (SIGSTOP); a node frozen once is never counted as a client that lived.</summary>
    public DateTimeOffset? FrozenAt { get; private set; }

    /// <summary>Set when this run woke it again (SIGCONT).</summary>
    public DateTimeOffset? ThawedAt { get; private set; }

    /// <summary>Frozen now: stopped by SIGSTOP and not woken since.</summary>
    public bool IsFrozen => FrozenAt is not null && ThawedAt is null && !HasExited;

    public bool HasExited => _timeout.HasExited;

    /// <summary>The node's exit code (through <c>timeout</c>: 124 = hard lifetime reached, 137 = SIGKILL).</summary>
    public int? ExitCode => _timeout.HasExited ? _timeout.ExitCode : null;

    /// <summary>The newest status line it printed, or null before the first.</summary>
    public NodeStatus? Status => _output.Status;

    /// <summary>How many status lines it printed.</summary>
    public int StatusLines => _output.StatusLines;

    /// <summary>How many <c>fault injection:</c> confirmations it printed.</summary>
    public int FaultCommandsDone => _output.FaultCommandsDone;

    /// <summary>The last lines it wrote on standard error (for a failure message).</summary>
    public string LastErrors(int count = 3) => _output.LastErrors(count);

    /// <summary>Starts <c>dotnet HOST node ARGS</c> under a hard lifetime.</summary>
    public static NodeProcess Start(ChaosSettings settings, string name, int port, string folder, IEnumerable<string> nodeArguments, bool loader)
    {
        var info = new ProcessStartInfo("timeout")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        // --foreground: timeout stays in our process group and passes no signal on to a process group of its
        // own, so each signal this run sends reaches the node exactly once.
        info.ArgumentList.Add("--foreground");
        info.ArgumentList.Add("--signal=KILL");
        info.ArgumentList.Add(((int)Math.Ceiling(settings.NodeLifetime.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        info.ArgumentList.Add(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet");
        info.ArgumentList.Add(settings.HostAssembly);
        info.ArgumentList.Add("node");
        foreach (string argument in nodeArguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Wide, plain output: no table wrapping and no colour codes in the log files.
        info.Environment["COLUMNS"] = "200";
        info.Environment["NO_COLOR"] = "1";
        var output = new NodeOutput(
            Path.Combine(folder, $"{name}.stdout.txt"),
            Path.Combine(folder, $"{name}.stderr.txt"),
            $"{info.FileName} {string.Join(' ', info.ArgumentList.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a))}");
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var node = new NodeProcess(name, port, folder, process, output, loader);
        process.OutputDataReceived += (_, e) => output.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => output.OnError(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>The report of its last tick (or of its exit), or null before the first.</summary>
    public NodeReport? ReadReport()
    {
        try
        {
            return File.Exists(ReportPath) ? NodeReport.ReadFrom(ReportPath) : null;
        }
        catch (IOException)
        {
            return null; // replaced between the exists check and the read: the next tick has it
        }
    }

    /// <summary>Ctrl+C: the node stops its load, writes its final report, leaves the cluster and exits 130.</summary>
    public bool Interrupt() => Signal(PosixSignals.Interrupt);

    /// <summary>SIGTERM: like Ctrl+C, exit 143.</summary>
    public bool Terminate() => Signal(PosixSignals.Terminate);

    /// <summary><c>kill -9</c>: no leave, no final report; the others must notice and down it.</summary>
    public bool KillHard()
    {
        KilledAt = DateTimeOffset.UtcNow;
        return Signal(PosixSignals.Kill);
    }

    /// <summary>
    /// Writes one command line to the node's standard input (a node started with <c>--fault-injection</c> takes
    /// <c>cut HOST:PORT both|send|receive</c> and <c>heal HOST:PORT</c>); false when it has exited.
    /// </summary>
    public bool SendCommand(string line)
    {
        if (_timeout.HasExited)
        {
            return false;
        }

        try
        {
            _timeout.StandardInput.WriteLine(line);
            _timeout.StandardInput.Flush();
            return true;
        }
        catch (IOException)
        {
            return false; // it exited between the check and the write
        }
    }

    /// <summary><c>kill -STOP</c>: every thread stops where it is, with its sockets, connections and locks held.</summary>
    public bool Freeze()
    {
        FrozenAt = DateTimeOffset.UtcNow;
        ThawedAt = null;
        return Signal(PosixSignals.Stop);
    }

    /// <summary><c>kill -CONT</c>: the frozen node runs on from where it stopped.</summary>
    public bool Thaw()
    {
        ThawedAt = DateTimeOffset.UtcNow;
        return Signal(PosixSignals.Continue);
    }

    /// <summary>Waits for the node to exit; at the deadline kills it and throws.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        try
        {
            await _timeout.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            KillHard();
            throw new ScenarioFailedException($"node {Name} did not exit within {deadline.TotalSeconds:0} s of being asked to stop; killed");
        }

        _timeout.WaitForExit(); // drains the output pumps
        return _timeout.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_timeout.HasExited)
        {
            KillHard();
            await _timeout.WaitForExitAsync();
        }

        _timeout.WaitForExit();
        _timeout.Dispose();
        _output.Dispose();
    }

    private bool Signal(int signal)
    {
        if (_timeout.HasExited)
        {
            return false;
        }

        int pid = NodePid();
        return pid > 0 && PosixSignals.Send(pid, signal);
    }

    /// <summary>The node's own pid (0 once it has exited without this run having seen it).</summary>
    public int Pid => NodePid();

    /// <summary>The node's own pid: the one child of the <c>timeout</c> process this run started.</summary>
    private int NodePid()
    {
        if (_pid > 0)
        {
            return _pid;
        }

        string children = $"/proc/{_timeout.Id}/task/{_timeout.Id}/children";
        for (int attempt = 0; attempt < 100 && !_timeout.HasExited; attempt++)
        {
            string text = File.Exists(children) ? File.ReadAllText(children).Trim() : "";
            if (text.Length > 0)
            {
                _pid = int.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
                return _pid;
            }

            Thread.Sleep(20); // timeout forks its child right after it starts; this waits out that instant
        }

        return 0;
    }
}
