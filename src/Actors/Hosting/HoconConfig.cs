using System.Reflection;
using Akka.Configuration;

namespace ActorConcurrency.Actors.Hosting;

/// <summary>
/// Loads the project's HOCON files: from the <c>hocon/</c> folder of the working directory or the
/// nearest parent that has one (so an edited file takes effect at once), otherwise from the copy
/// embedded in this assembly (so every entry point runs from any working directory).
/// </summary>
public static class HoconConfig
{
    /// <summary>Loads <paramref name="fileName"/> (for example <c>base.conf</c>) and says where it came from.</summary>
    /// <exception cref="ArgumentException">The name is empty or names no file on disk nor embedded.</exception>
    public static LoadedHocon Load(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "hocon", fileName);
            if (File.Exists(candidate))
            {
                return new LoadedHocon(ConfigurationFactory.ParseString(File.ReadAllText(candidate)), candidate);
            }
        }

        Assembly assembly = typeof(HoconConfig).Assembly;
        using Stream? stream = assembly.GetManifestResourceStream("hocon/" + fileName);
        if (stream is null)
        {
            throw new ArgumentException($"No HOCON file '{fileName}' in a hocon/ folder nor embedded in {assembly.GetName().Name}.", nameof(fileName));
        }

        using var reader = new StreamReader(stream);
        return new LoadedHocon(ConfigurationFactory.ParseString(reader.ReadToEnd()), "embedded:hocon/" + fileName);
    }

    /// <summary>The base configuration every actor system of the project starts from.</summary>
    public static Config Base => Load("base.conf").Config;
}

/// <summary>A parsed HOCON file and where it was read from (a path, or <c>embedded:</c> and its name).</summary>
public sealed record LoadedHocon(Config Config, string Source);
