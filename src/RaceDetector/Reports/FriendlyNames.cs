using System.Text.RegularExpressions;

namespace ActorConcurrency.RaceDetector.Reports;

/// <summary>
/// The names reports print for the C# compiler's generated code, as a user wrote it: a lambda is
/// <c>Program.RunAsync.lambda</c>, not <c>Program.&lt;&gt;c__DisplayClass1_0.&lt;RunAsync&gt;b__0</c>; an async method or
/// iterator is <c>Program.RunAsync</c>, not <c>Program.&lt;RunAsync&gt;d__3.MoveNext</c>; a local function is
/// <c>Program.Main.Helper</c>.
/// </summary>
public static partial class FriendlyNames
{
    /// <summary>A frame's <c>Type.Method</c> (the type's full name, nested types joined by <c>.</c> or <c>+</c>) as the user wrote it.</summary>
    public static string Member(string member)
    {
        ArgumentNullException.ThrowIfNull(member);
        string name = GenericArity().Replace(member.Replace('+', '.'), string.Empty);
        if (!name.Contains('<', StringComparison.Ordinal))
        {
            return name;
        }

        // Innermost first: top-level statements' <Main>$, then lambdas and local functions inside a state machine's name
        // (<<Main>b__0>d) become plain words.
        name = TopLevelMain().Replace(name, "$1");
        name = Lambda().Replace(name, "$1.lambda");
        name = LocalFunction().Replace(name, "$1.$2");
        name = StateMachine().Replace(name, "$1");
        name = Closure().Replace(name, string.Empty);
        // What is left of a name cut at its first '>' (an access site's member: "<>c__DisplayClass1_0.<RunAsync").
        name = ClosurePrefix().Replace(name, string.Empty);
        name = CutLambda().Replace(name, "$1.lambda");
        return name.TrimStart('.');
    }

    /// <summary>A logical thread's name (<c>async &lt;&gt;c__DisplayClass1_0.&lt;RunAsync</c>, <c>task</c>) as the user reads it.</summary>
    public static string Thread(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!name.Contains('<', StringComparison.Ordinal))
        {
            return name;
        }

        int space = name.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && !name[..space].Contains('<', StringComparison.Ordinal)
            ? name[..(space + 1)] + Member(name[(space + 1)..])
            : Member(name);
    }

    /// <summary><c>`5</c> after a generic type's name.</summary>
    [GeneratedRegex(@"`[0-9]+")]
    private static partial Regex GenericArity();

    /// <summary><c>&lt;Main&gt;$</c>: the Main of top-level statements.</summary>
    [GeneratedRegex(@"<([^<>]+)>\$")]
    private static partial Regex TopLevelMain();

    /// <summary><c>&lt;Main&gt;b__0_1</c>: a lambda in Main.</summary>
    [GeneratedRegex(@"<([^<>]+)>b__[0-9_]+")]
    private static partial Regex Lambda();

    /// <summary><c>&lt;Main&gt;g__Helper|0_0</c>: local function Helper in Main.</summary>
    [GeneratedRegex(@"<([^<>]+)>g__([^|<>]+)\|[0-9_]+")]
    private static partial Regex LocalFunction();

    /// <summary><c>&lt;RunAsync&gt;d__3.MoveNext</c> (or the type alone): the async method or iterator RunAsync.</summary>
    [GeneratedRegex(@"<([^<>]+)>d(__[0-9]+)?(\.MoveNext)?(?=$|\.|\()")]
    private static partial Regex StateMachine();

    /// <summary><c>.&lt;&gt;c__DisplayClass1_0</c> or <c>.&lt;&gt;c</c>: the closure class a lambda's method lives on.</summary>
    [GeneratedRegex(@"\.?<>c(__DisplayClass[0-9_]+)?(?=\.)")]
    private static partial Regex Closure();

    /// <summary>A leading closure class left after the rules above.</summary>
    [GeneratedRegex(@"^<>c(__DisplayClass[0-9_]+)?\.")]
    private static partial Regex ClosurePrefix();

    /// <summary><c>&lt;RunAsync</c> at the end: a lambda's state machine whose name was cut at its first <c>&gt;</c>.</summary>
    [GeneratedRegex(@"<([^<>]+)$")]
    private static partial Regex CutLambda();
}
