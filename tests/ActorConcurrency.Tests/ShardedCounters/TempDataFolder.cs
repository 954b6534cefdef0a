using Microsoft.Data.Sqlite;

namespace ActorConcurrency.Tests.ShardedCounters;

/// <summary>A fresh folder for a node's SQLite journal, deleted when the spec ends.</summary>
public sealed class TempDataFolder : IDisposable
{
    public TempDataFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "actorconcurrency-specs", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a terminating journal: the OS temp cleaner gets it; the spec's result stands.
        }
    }
}
