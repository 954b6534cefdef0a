namespace ActorConcurrency.RaceTestShapes;

/// <summary>Two distinct races in one test, on two variables, for suppressions that must hide exactly one.</summary>
public sealed class TwoRaces
{
    [Fact]
    public async Task Two_fields_race()
    {
        var left = new LeftCell();
        var right = new RightCell();
        await Task.WhenAll(Task.Run(() => left.Value++), Task.Run(() => left.Value++));
        await Task.WhenAll(Task.Run(() => right.Value++), Task.Run(() => right.Value++));
        Assert.InRange(left.Value + right.Value, 2, 4);
    }
}

/// <summary>One racy field.</summary>
public sealed class LeftCell
{
    public int Value;
}

/// <summary>Another racy field.</summary>
public sealed class RightCell
{
    public int Value;
}
