using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActorConcurrency.RaceTestShapes;

/// <summary>Runs a class's tests in the order of their method names, so a spec chooses which runs first.</summary>
public sealed class ByNameOrderer : ITestCaseOrderer
{
    public const string Name = "ActorConcurrency.RaceTestShapes.ByNameOrderer";

    public const string Assembly = "ActorConcurrency.RaceTestShapes";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}
