namespace ActorConcurrency.RaceDetector.Tracking;

/// <summary>
/// Where an access is written in the source: filled in by the compiler through caller-info attributes, so
/// keeping it costs three field stores and no allocation. Races are deduplicated by pairs of sites.
/// </summary>
/// <param name="Member">The calling method or lambda's enclosing member.</param>
/// <param name="File">The source file.</param>
/// <param name="Line">The line of the access.</param>
public readonly record struct AccessSite(string Member, string File, int Line)
{
    /// <summary>
    /// The framework member the access went through, when it was a call rather than a field or element access
    /// (<c>set_Item</c> of a <c>Dictionary</c>); reports print it after the variable.
    /// </summary>
    public string? Operation { get; init; }

    /// <summary>An access whose site is not known.</summary>
    public static AccessSite Unknown { get; } = new("?", "?", 0);

    /// <summary><c>Member (File.cs:12)</c>.</summary>
    public override string ToString() => $"{Member} ({System.IO.Path.GetFileName(File)}:{Line})";

    /// <summary>An ordering key for deduplication.</summary>
    internal string Key => $"{File}:{Line}";
}
