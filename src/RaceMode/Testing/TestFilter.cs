using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ActorConcurrency.RaceMode.Testing;

/// <summary>
/// <c>--filter EXPR</c>: which tests run. <c>|</c> separates alternatives; each is a part of the test's full name
/// (<c>Namespace.Class.Method</c>) or display name, with <c>*</c> for any text, or dotnet test's
/// <c>FullyQualifiedName~X</c> (contains), <c>FullyQualifiedName=X</c> (equals) and <c>DisplayName~X</c>.
/// </summary>
internal sealed class TestFilter
{
    private readonly Func<ITestCase, bool>[] _alternatives;

    private TestFilter(Func<ITestCase, bool>[] alternatives) => _alternatives = alternatives;

    /// <summary>The filter of <paramref name="expression"/>; null or empty runs every test.</summary>
    public static TestFilter Parse(string? expression) =>
        new(string.IsNullOrWhiteSpace(expression)
            ? []
            : expression.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Alternative).ToArray());

    /// <summary>Whether <paramref name="testCase"/> runs.</summary>
    public bool Matches(ITestCase testCase) => _alternatives.Length == 0 || _alternatives.Any(a => a(testCase));

    private static Func<ITestCase, bool> Alternative(string term)
    {
        foreach ((string property, Func<ITestCase, string> value) in new (string, Func<ITestCase, string>)[]
        {
            ("FullyQualifiedName", FullName),
            ("DisplayName", t => t.DisplayName),
        })
        {
            if (term.StartsWith(property + "~", StringComparison.Ordinal))
            {
                string part = term[(property.Length + 1)..];
                return t => value(t).Contains(part, StringComparison.Ordinal);
            }

            if (term.StartsWith(property + "=", StringComparison.Ordinal))
            {
                string whole = term[(property.Length + 1)..];
                return t => string.Equals(value(t), whole, StringComparison.Ordinal);
            }
        }

        if (term.Contains('*', StringComparison.Ordinal))
        {
            var pattern = new Regex("^" + string.Join(".*", term.Split('*').Select(Regex.Escape)) + "$", RegexOptions.CultureInvariant);
            return t => pattern.IsMatch(FullName(t)) || pattern.IsMatch(t.DisplayName);
        }

        return t => FullName(t).Contains(term, StringComparison.Ordinal) || t.DisplayName.Contains(term, StringComparison.Ordinal);
    }

    /// <summary><c>Namespace.Class.Method</c>.</summary>
    internal static string FullName(ITestCase testCase) => $"{testCase.TestMethod.TestClass.Class.Name}.{testCase.TestMethod.Method.Name}";
}
