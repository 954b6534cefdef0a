using ActorConcurrency.RaceDetector.Tracking;

namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>
/// Every access site the rewriter instrumented, by the number it compiled into the call (one <c>ldc.i4</c> per
/// access, so the hot path passes an int, not strings), and the name of every location those sites touch.
/// Process-wide and append-only: rewriting and running happen in one process.
/// </summary>
internal static class SiteTable
{
    private static readonly Lock s_gate = new();
    private static readonly Dictionary<string, int> s_locationIds = new(StringComparer.Ordinal);
    private static readonly List<string> s_locationNames = [];

    /// <summary>Replaced (never mutated in place) under <see cref="s_gate"/>, so readers need no lock.</summary>
    private static RaceSite[] s_sites = [new RaceSite(AccessSite.Unknown, 0, "?")];
    private static int s_count = 1;

    /// <summary>The id of the location called <paramref name="name"/> (for example <c>RacyCounter._value</c>).</summary>
    public static int Location(string name)
    {
        lock (s_gate)
        {
            if (!s_locationIds.TryGetValue(name, out int id))
            {
                id = s_locationNames.Count;
                s_locationNames.Add(name);
                s_locationIds.Add(name, id);
            }

            return id;
        }
    }

    /// <summary>The name of location <paramref name="id"/>.</summary>
    public static string LocationName(int id)
    {
        lock (s_gate)
        {
            return s_locationNames[id];
        }
    }

    /// <summary>Registers one access site and returns its number.</summary>
    public static int Register(AccessSite where, int location)
    {
        lock (s_gate)
        {
            if (s_count == s_sites.Length)
            {
                var grown = new RaceSite[s_sites.Length * 2];
                Array.Copy(s_sites, grown, s_count);
                s_sites = grown;
            }

            s_sites[s_count] = new RaceSite(where, location, s_locationNames[location]);
            return s_count++;
        }
    }

    /// <summary>The site numbered <paramref name="id"/>.</summary>
    public static RaceSite Get(int id) => Volatile.Read(ref s_sites)[id];

    /// <summary>At the end of a session: drops every site's remembered location, so no site keeps the session alive.</summary>
    public static void ForgetLocations()
    {
        lock (s_gate)
        {
            for (int i = 0; i < s_count; i++)
            {
                s_sites[i].LastField = null;
                s_sites[i].OtherField = null;
            }
        }
    }
}
