using System.Diagnostics;
using System.Text;

namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>
/// Turns a captured stack into the part a race report shows: the user's frames only, from the access down
/// to the first frame that is the runtime's, a framework's or a test runner's.
/// </summary>
internal static class UserStack
{
    /// <summary>
    /// The user's frames of <paramref name="stack"/>: the detector's own frames are left out, and the stack
    /// is cut at the first frame below the user's that is the runtime's, a framework's or a test runner's
    /// (thread start, reflection invoke, xunit, Akka's dispatcher), as Go's report ends at the goroutine's entry.
    /// </summary>
    public static string Format(StackTrace stack)
    {
        var text = new StringBuilder();
        bool inUserCode = false;
        foreach (StackFrame frame in stack.GetFrames())
        {
            System.Reflection.MethodBase? method = frame.GetMethod();
            Type? type = method?.DeclaringType;
            if (IsDetectorFrame(type))
            {
                // On top: the access itself. Between user frames: a primitive that calls back (Once.Do, Run).
                continue;
            }

            if (type is null || IsPlatformFrame(type))
            {
                if (inUserCode)
                {
                    break;
                }

                continue;
            }

            inUserCode = true;
            text.Append("  ").Append(Reports.FriendlyNames.Member($"{type.FullName ?? type.Name}.{method!.Name}")).AppendLine("()");
            if (frame.GetFileName() is { } file)
            {
                text.Append("      ").Append(file).Append(':').Append(frame.GetFileLineNumber()).AppendLine();
            }
        }

        return text.ToString();
    }

    /// <summary>The detector's machinery (tracked types, primitives) and race mode's hooks: never the user's code.</summary>
    private static bool IsDetectorFrame(Type? type)
    {
        string ns = type?.Namespace ?? string.Empty;
        return ns.StartsWith("ActorConcurrency.RaceDetector.Tracking", StringComparison.Ordinal) ||
               ns.StartsWith("ActorConcurrency.RaceDetector.Sync", StringComparison.Ordinal) ||
               ns.StartsWith("ActorConcurrency.RaceMode", StringComparison.Ordinal);
    }

    /// <summary>The runtime, frameworks and test runners: a stack leaves the user's code there.</summary>
    private static bool IsPlatformFrame(Type type)
    {
        string assembly = type.Assembly.GetName().Name ?? string.Empty;
        return assembly is "mscorlib" or "netstandard" ||
               assembly.StartsWith("System", StringComparison.Ordinal) ||
               assembly.StartsWith("Microsoft", StringComparison.Ordinal) ||
               assembly.StartsWith("xunit", StringComparison.OrdinalIgnoreCase) ||
               assembly.StartsWith("Akka", StringComparison.Ordinal) ||
               assembly.StartsWith("BenchmarkDotNet", StringComparison.Ordinal);
    }
}
