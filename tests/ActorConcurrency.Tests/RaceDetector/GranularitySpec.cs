using ActorConcurrency.RaceDetector.Tracking;
using static ActorConcurrency.Tests.RaceDetector.DetectorPrograms;

namespace ActorConcurrency.Tests.RaceDetector;

/// <summary>
/// Field and element granularity, as Go's detector: <c>p.X</c> and <c>p.Y</c> are different locations, and so
/// are <c>a[0]</c> and <c>a[1]</c>; a race is reported under the field's or element's own name.
/// </summary>
public sealed class GranularitySpec
{
    private struct Point
    {
        public int X;
        public int Y;
    }

    private record struct Pair(int Left, string Right);

    [Fact]
    public void Different_elements_of_a_tracked_array_do_not_race()
    {
        var d = Run(d =>
        {
            var a = new TrackedArray<int>(d, "a", 2);
            d.Go("g0", () => a.Write(0, 1));
            d.Go("g1", () => a.Write(1, 1));
        });
        Assert.Equal(0, d.RaceCount);
    }

    [Fact]
    public void The_same_element_races_and_is_reported_by_index()
    {
        var d = Run(d =>
        {
            var a = new TrackedArray<int>(d, "a", [10, 20, 30]);
            d.Go("g0", () => a.Write(1, 1));
            d.Go("g1", () => a.Write(1, 2));
            d.Go("g2", () => a.Write(2, a.Read(0)));
        });
        AssertSingleRace(d, "a[1]", AccessKind.Write, AccessKind.Write);
    }

    [Fact]
    public void Different_fields_of_a_tracked_struct_do_not_race_but_one_field_does()
    {
        var d = Run(d =>
        {
            var p = new TrackedStruct<Point>(d, "p");
            TrackedField<Point, int> x = p.Field("X", static (ref Point v) => ref v.X);
            TrackedField<Point, int> y = p.Field("Y", static (ref Point v) => ref v.Y);
            d.Go("x-writer", () => x.Write(1));
            d.Go("y-writer", () => y.Write(2));
            d.Go("y-writer-2", () => y.Write(3));
        });
        AssertSingleRace(d, "p.Y", AccessKind.Write, AccessKind.Write);
    }

    [Fact]
    public void Field_writes_land_in_the_struct_and_a_whole_struct_read_is_a_read_of_every_field()
    {
        using var written = new ManualResetEventSlim();
        Point seen = default;
        var d = Run(d =>
        {
            var p = new TrackedStruct<Point>(d, "p", new Point { X = 1, Y = 2 });
            TrackedField<Point, int> y = p.Field("Y", static (ref Point v) => ref v.Y);
            d.Go("y-writer", () =>
            {
                y.Write(5);
                written.Set();
            });
            written.Wait();
            seen = p.Read(); // q := p reads p.X and p.Y: races with the write of p.Y only
        });
        Assert.Equal((1, 5), (seen.X, seen.Y));
        AssertSingleRace(d, "p.Y", AccessKind.Read, AccessKind.Write);
    }

    [Fact]
    public void Auto_property_fields_go_by_their_property_name_and_bad_fields_are_rejected()
    {
        var d = new VectorClockDetector();
        var pair = new TrackedStruct<Pair>(d, "pair");
        Assert.Equal(["Left", "Right"], pair.FieldNames.Order());
        Assert.Throws<ArgumentException>("fieldName", () => pair.Field("Middle", static (ref Pair v) => ref Unsafe(ref v)));
        Assert.Throws<ArgumentException>("fieldName", () => pair.Field<long>("Left", static (ref Pair v) => throw new InvalidOperationException()));
        Assert.Throws<ArgumentOutOfRangeException>("index", () => new TrackedArray<int>(d, "a", 2).Peek(2));
        Assert.Throws<ArgumentOutOfRangeException>("length", () => new TrackedArray<int>(d, "a", -1));
    }

    private static ref int Unsafe(ref Pair pair) => throw new InvalidOperationException("never selected");
}
