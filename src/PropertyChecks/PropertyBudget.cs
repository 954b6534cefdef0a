using System.Globalization;

namespace ActorConcurrency.PropertyChecks;

/// <summary>
/// How long a property runs: a number of CsCheck iterations (the short CI default), or, in soak mode, a
/// number of seconds. Soak mode is switched on by the <c>SOAK_MINUTES</c> environment variable: each
/// property then samples for that many minutes (the exercise asks for 10).
/// </summary>
/// <param name="Iterations">Iterations when not soaking.</param>
/// <param name="Seconds">Seconds to sample for; 0 means "run <paramref name="Iterations"/> iterations".</param>
public sealed record PropertyBudget(long Iterations, int Seconds)
{
    /// <summary>The soak switch: minutes per property (a positive number, fractions allowed).</summary>
    public const string SoakVariable = "SOAK_MINUTES";

    /// <summary>CsCheck's <c>iter</c> argument.</summary>
    public long Iter => Seconds > 0 ? -1 : Iterations;

    /// <summary>CsCheck's <c>time</c> argument (seconds; -1 = count iterations instead).</summary>
    public int Time => Seconds > 0 ? Seconds : -1;

    /// <summary><paramref name="ciIterations"/> iterations, or <c>SOAK_MINUTES</c> minutes when that variable is set.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><c>SOAK_MINUTES</c> is set but not a positive number.</exception>
    public static PropertyBudget FromEnvironment(long ciIterations)
    {
        string? text = Environment.GetEnvironmentVariable(SoakVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new PropertyBudget(ciIterations, 0);
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double minutes) || !(minutes > 0))
        {
            throw new ArgumentOutOfRangeException(SoakVariable, text, $"{SoakVariable} must be a positive number of minutes.");
        }

        return new PropertyBudget(ciIterations, (int)Math.Ceiling(minutes * 60));
    }

    /// <inheritdoc />
    public override string ToString() => Seconds > 0 ? $"{Seconds} s (soak)" : $"{Iterations} iterations";
}
