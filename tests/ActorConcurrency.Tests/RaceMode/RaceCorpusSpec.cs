using System.Globalization;
using System.Reflection;
using ActorConcurrency.RaceDetector.Reports;
using ActorConcurrency.RaceDetector.Tracking;
using ActorConcurrency.RaceMode.Loading;
using ActorConcurrency.RaceMode.Runtime;
using ActorConcurrency.Tests.RaceMode.Corpus;
using Xunit.Abstractions;

namespace ActorConcurrency.Tests.RaceMode;

/// <summary>
/// The corpus (<see cref="Corpus"/>): plain C# programs, each with the verdict the primitives' contracts give it,
/// run under race mode on every repetition (<c>RACE_MODE_REPETITIONS</c>, default 3; 20 and more by hand). A racy
/// program must be reported every time, a race-free one never: a verdict that depends on the schedule is a bug.
/// </summary>
[Collection(RaceModeCollection.Name)]
public sealed class RaceCorpusSpec
{
    private static readonly Type[] s_programs = [typeof(CollectionPrograms), typeof(OncePrograms), typeof(LockPrograms), typeof(SignalPrograms), typeof(ItemPrograms), typeof(StructPrograms), typeof(AsyncPrograms), typeof(ParallelPrograms), typeof(CallbackPrograms), typeof(LegacyAndPlinqPrograms), typeof(ChannelPrograms), typeof(AtomicPrograms), typeof(MethodGroupPrograms), typeof(PlinqPrograms), typeof(IdiomPrograms)];

    private readonly RaceSandbox _sandbox;
    private readonly ITestOutputHelper _output;

    public RaceCorpusSpec(TestAssemblySandbox fixture, ITestOutputHelper output)
    {
        _sandbox = fixture.Sandbox;
        _output = output;
    }

    public static TheoryData<string> Programs => new(s_programs.SelectMany(Methods).Select(m => $"{m.DeclaringType!.Name}.{m.Name}"));

    private static int Repetitions => int.TryParse(Environment.GetEnvironmentVariable("RACE_MODE_REPETITIONS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 3;

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_gets_its_verdict_on_every_repetition(string program)
    {
        MethodInfo method = s_programs.SelectMany(Methods).Single(m => $"{m.DeclaringType!.Name}.{m.Name}" == program);
        Verdict expected = method.GetCustomAttribute<ExpectAttribute>()!.Verdict;
        int reported = 0;
        string? wrong = null;
        for (int repetition = 1; repetition <= Repetitions; repetition++)
        {
            RaceRun run = _sandbox.Run(method, []);
            reported += run.HasRaces ? 1 : 0;
            if (run.HasRaces != (expected == Verdict.Racy) && wrong is null)
            {
                wrong = $"repetition {repetition}: found {run.Races.Count} race(s):\n" + string.Join("\n", run.Races.Select(r => r.Format()));
            }
        }

        // One line per program for the corpus table (found / missed / false over the repetitions).
        _output.WriteLine($"corpus | {program} | {expected} | reported in {reported} of {Repetitions}");
        Assert.True(wrong is null, $"{program}: expected {expected}, reported in {reported} of {Repetitions} repetitions; first wrong {wrong}");
    }

    [Fact]
    public void Collection_race_names_the_collection_and_each_member()
    {
        RaceRun run = _sandbox.Run(typeof(CollectionPrograms).GetMethod(nameof(CollectionPrograms.DictionaryWriterAndReader))!, []);

        RaceReport report = Assert.Single(run.Races);
        Assert.Equal("Dictionary<Int32,Int32>", report.Variable);
        string[] members = [report.Current.Site.Operation!, report.Previous.Site.Operation!];
        Assert.Contains("set_Item", members);
        Assert.Contains("TryGetValue", members);
        // Either access may be the one that found the race: the writer's line reads "Write of" or "Previous write of".
        Assert.Contains("rite of 'Dictionary<Int32,Int32>' (set_Item) by logical thread", report.Format(), StringComparison.Ordinal);
        Assert.Contains("ead of 'Dictionary<Int32,Int32>' (TryGetValue) by logical thread", report.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void Captured_local_and_async_lambda_are_named_as_written()
    {
        RaceRun run = _sandbox.Run(typeof(AsyncPrograms).GetMethod(nameof(AsyncPrograms.AsyncLambdasShareACapturedLocal))!, []);

        RaceReport report = Assert.Single(run.Races);
        Assert.Equal("AsyncPrograms.AsyncLambdasShareACapturedLocal.total", report.Variable);
        Assert.Equal("async AsyncPrograms.AsyncLambdasShareACapturedLocal.lambda", report.Current.ThreadName);
    }

    [Fact]
    public void Bound_framework_method_is_reported_at_the_line_that_bound_it()
    {
        RaceRun run = _sandbox.Run(typeof(MethodGroupPrograms).GetMethod(nameof(MethodGroupPrograms.ListAddBoundInParallelForEach))!, []);

        RaceReport report = Assert.Single(run.Races);
        Assert.Equal("List<Int32>", report.Variable);
        foreach (AccessSite site in new[] { report.Current.Site, report.Previous.Site })
        {
            Assert.Equal("Add", site.Operation);
            Assert.Equal("MethodGroupPrograms.ListAddBoundInParallelForEach", site.Member);
            Assert.EndsWith("MethodGroupPrograms.cs", site.File, StringComparison.Ordinal);
            Assert.True(site.Line > 0, $"no line in {site}");
        }
    }

    private static IEnumerable<MethodInfo> Methods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.GetCustomAttribute<ExpectAttribute>() is not null);
}
