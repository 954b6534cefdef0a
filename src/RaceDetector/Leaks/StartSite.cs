using System.Diagnostics;
using System.Reflection;

namespace ActorConcurrency.RaceDetector.Leaks;

/// <summary>
/// Where a task was created: the frames of the creating thread's stack that belong to the code under test,
/// with compiler-generated names (async state machines, lambdas, local functions) turned back into the
/// method names a reader wrote.
/// </summary>
internal sealed class StartSite
{
    /// <summary>How many frames of the code under test a report keeps.</summary>
    private const int MaxFrames = 6;

    private StartSite(IReadOnlyList<string> frames) => Frames = frames;

    /// <summary>The innermost frames of the code under test, innermost first.</summary>
    public IReadOnlyList<string> Frames { get; }

    /// <summary>The innermost frame of the code under test: the line that started the task.</summary>
    public string Summary => Frames.Count > 0 ? Frames[0] : "(no frame of the code under test on the stack)";

    /// <summary>Captures the current stack (called on the thread that creates the task).</summary>
    public static StartSite Capture()
    {
        var trace = new StackTrace(skipFrames: 1, fNeedFileInfo: true);
        var frames = new List<string>(MaxFrames);
        string? previous = null;
        foreach (StackFrame frame in trace.GetFrames())
        {
            if (frame.GetMethod() is not { DeclaringType: { } type } method || !IsCodeUnderTest(type))
            {
                continue;
            }

            // An async method shows twice: its body (MoveNext, with the line) and the stub that started it.
            string name = Name(method, type);
            if (name == previous)
            {
                continue;
            }

            previous = name;
            frames.Add(frame.GetFileName() is { } file ? $"{name} in {Path.GetFileName(file)}:line {frame.GetFileLineNumber()}" : name);
            if (frames.Count == MaxFrames)
            {
                break;
            }
        }

        return new StartSite(frames);
    }

    /// <summary>Turns the runtime's operation name into what a reader wrote.</summary>
    public static string Describe(string operation) => operation switch
    {
        _ when operation.StartsWith("Async: ", StringComparison.Ordinal) => $"async method {Unmangle(operation["Async: ".Length..])}",
        _ when operation.StartsWith("Task: ", StringComparison.Ordinal) => $"task running {Unmangle(operation["Task: ".Length..])}",
        "Task.Unwrap" => "Task.Run proxy (completes when the async delegate it ran completes)",
        _ => operation,
    };

    private static bool IsCodeUnderTest(Type type)
    {
        string ns = type.Namespace ?? string.Empty;
        string assembly = type.Assembly.GetName().Name ?? string.Empty;
        return !(ns == typeof(StartSite).Namespace
            || ns.StartsWith("System", StringComparison.Ordinal)
            || ns.StartsWith("Microsoft", StringComparison.Ordinal)
            || assembly.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
            || assembly.StartsWith("System.", StringComparison.Ordinal));
    }

    private static string Name(MethodBase method, Type type)
    {
        // An async method's body runs in <Name>d__N.MoveNext, nested in the type that declared Name.
        string methodName = type.Name.StartsWith('<') && method.Name == "MoveNext" ? Unmangle(type.Name) : Unmangle(method.Name);
        Type owner = type;
        while (owner.Name.StartsWith('<') && owner.DeclaringType is { } outer)
        {
            owner = outer;
        }

        return $"{owner.Name}.{methodName}";
    }

    /// <summary><c>&lt;FetchAsync&gt;d__3</c> → FetchAsync; <c>&lt;FetchAsync&gt;b__0</c> → lambda in FetchAsync; <c>&lt;Run&gt;g__Work|1_0</c> → Work (local function in Run).</summary>
    private static string Unmangle(string name)
    {
        int close = name.IndexOf('>', StringComparison.Ordinal);
        if (!name.StartsWith('<') || close < 0)
        {
            return name;
        }

        string outer = name[1..close].TrimStart('<');
        string rest = name[(close + 1)..];
        if (rest.StartsWith("g__", StringComparison.Ordinal))
        {
            int bar = rest.IndexOf('|', StringComparison.Ordinal);
            return $"{(bar > 3 ? rest[3..bar] : rest[3..])} (local function in {outer})";
        }

        return rest.StartsWith("b__", StringComparison.Ordinal) || rest.StartsWith(">b__", StringComparison.Ordinal) ? $"lambda in {outer}" : outer;
    }
}
