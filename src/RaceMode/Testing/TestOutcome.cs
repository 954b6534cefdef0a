namespace ActorConcurrency.RaceMode.Testing;

/// <summary>What happened to one test, for its summary line (<c>--- PASS</c>, <c>--- FAIL</c>, <c>--- RACE</c>, <c>--- SKIP</c>).</summary>
internal enum TestOutcome
{
    /// <summary>It passed and no race was attributed to it.</summary>
    Passed,

    /// <summary>Its assertions failed or it threw (a race may also have been attributed to it).</summary>
    Failed,

    /// <summary>It passed its assertions but a race was attributed to it: Go fails such a test.</summary>
    Raced,

    /// <summary>It was skipped.</summary>
    Skipped,
}
