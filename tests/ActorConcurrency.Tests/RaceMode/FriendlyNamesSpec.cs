using ActorConcurrency.RaceDetector.Reports;

namespace ActorConcurrency.Tests.RaceMode;

/// <summary>Reports print compiler-generated names as the user wrote them, not <c>&lt;&gt;c__DisplayClass1_0.&lt;RunAsync</c>.</summary>
public sealed class FriendlyNamesSpec
{
    [Theory]
    [InlineData("App.Program+<>c__DisplayClass0_0.<Main>b__1", "App.Program.Main.lambda")]
    [InlineData("App.Program+<>c.<Main>b__0_0", "App.Program.Main.lambda")]
    [InlineData("App.Program+<RunAsync>d__3.MoveNext", "App.Program.RunAsync")]
    [InlineData("App.Program+<>c__DisplayClass1_0+<<RunAsync>b__0>d.MoveNext", "App.Program.RunAsync.lambda")]
    [InlineData("App.Program.<Main>g__Helper|0_0", "App.Program.Main.Helper")]
    [InlineData("App.Outer+Inner.Method", "App.Outer.Inner.Method")]
    [InlineData("App.Program.Main", "App.Program.Main")]
    [InlineData("Program.<<Main>$>b__1", "Program.Main.lambda")]
    [InlineData("BitFaster.Caching.Lru.ConcurrentLruCore`5.Cycle", "BitFaster.Caching.Lru.ConcurrentLruCore.Cycle")]
    public void Frames_read_as_written(string frame, string expected) => Assert.Equal(expected, FriendlyNames.Member(frame));

    [Theory]
    [InlineData("async <>c__DisplayClass1_0.<RunAsync", "async RunAsync.lambda")]
    [InlineData("async Program.RunAsync", "async Program.RunAsync")]
    [InlineData("task", "task")]
    public void Thread_names_read_as_written(string name, string expected) => Assert.Equal(expected, FriendlyNames.Thread(name));
}
