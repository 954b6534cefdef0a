using ActorConcurrency.RaceDetector.Tracking;
using ActorConcurrency.RaceMode.Runtime;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>
/// The access sites of one method: each instrumented access (and each pointer target) gets a number in
/// <see cref="SiteTable"/> naming its method, file and line (from the PDB's sequence points) and its location.
/// </summary>
internal sealed class MethodSites
{
    private readonly Dictionary<Instruction, SequencePoint> _lines = [];
    private readonly string _member;

    public MethodSites(MethodDefinition method, string? member = null)
    {
        _member = member ?? AccessNames.MemberName(method);
        SequencePoint? last = null;
        foreach (Instruction instruction in method.Body.Instructions)
        {
            if (method.DebugInformation.GetSequencePoint(instruction) is { IsHidden: false } point)
            {
                last = point;
            }

            if (last is not null)
            {
                _lines[instruction] = last;
            }
        }
    }

    /// <summary>How many accesses were instrumented.</summary>
    public int Count { get; private set; }

    /// <summary>Registers the access at <paramref name="at"/> to <paramref name="location"/> and returns its site number.</summary>
    public int Site(Instruction at, string location)
    {
        Count++;
        return SiteTable.Register(Where(at), SiteTable.Location(location));
    }

    /// <summary>A call through framework member <paramref name="operation"/> that reads or writes <paramref name="location"/>.</summary>
    public int Site(Instruction at, string location, string operation)
    {
        Count++;
        return SiteTable.Register(Where(at) with { Operation = operation }, SiteTable.Location(location));
    }

    /// <summary>A pointer target: the location <paramref name="path"/> of kind <paramref name="kind"/>, named where it was taken.</summary>
    public int Target(Instruction at, string path, PointerKind kind)
    {
        return PointerTargets.Encode(SiteTable.Register(Where(at), SiteTable.Location(path)), kind);
    }

    /// <summary>The source line of <paramref name="at"/>: the last visible sequence point at or before it, or null.</summary>
    public SequencePoint? LineOf(Instruction at) => _lines.GetValueOrDefault(at);

    private AccessSite Where(Instruction at) => LineOf(at) is { } point
        ? new AccessSite(_member, point.Document.Url, point.StartLine)
        : new AccessSite(_member, "?", 0);
}
