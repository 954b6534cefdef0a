using System.CommandLine;
using System.Globalization;

namespace ActorConcurrency.Host.Commands;

/// <summary>
/// Options whose bad values become one parse error naming the option and what it accepts (the host turns it into
/// one stderr line and exit 2), instead of an exception from a validator reading an unparsable value, or a
/// message naming a CLR type: whole numbers, seconds, and one of a few words.
/// </summary>
internal static class CheckedOptions
{
    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<long> Whole(string name, string description, long defaultValue, long min, long max) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
                {
                    result.AddError($"{name}: '{token}' is not a whole number (from {min:N0} to {max:N0})");
                    return defaultValue;
                }

                if (value < min || value > max)
                {
                    result.AddError($"{name}: must be from {min:N0} to {max:N0}, got {value:N0}");
                }

                return value;
            },
        };

    /// <summary>A number of seconds from <paramref name="min"/> to <paramref name="max"/> (decimals allowed).</summary>
    public static Option<double> Seconds(string name, string description, double defaultValue, double min, double max) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (!double.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                {
                    result.AddError($"{name}: '{token}' is not a number of seconds (from {min} to {max})");
                    return defaultValue;
                }

                if (value < min || value > max)
                {
                    result.AddError($"{name}: must be from {min} to {max} seconds, got {value}");
                }

                return value;
            },
        };

    /// <summary>
    /// A number of seconds from <paramref name="min"/> to <paramref name="max"/>, or <c>forever</c>
    /// (<see cref="double.PositiveInfinity"/>): how long a fault lasts.
    /// </summary>
    public static Option<double> SecondsOrForever(string name, string description, double defaultValue, double min, double max) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (token == "forever")
                {
                    return double.PositiveInfinity;
                }

                if (!double.TryParse(token, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                {
                    result.AddError($"{name}: '{token}' is neither a number of seconds (from {min} to {max}) nor forever");
                    return defaultValue;
                }

                if (value < min || value > max)
                {
                    result.AddError($"{name}: must be from {min} to {max} seconds, or forever, got {value}");
                }

                return value;
            },
        };

    /// <summary>One of <paramref name="values"/>; the first is the default.</summary>
    public static Option<string> Choice(string name, string description, params string[] values)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => values[0] };
        option.Validators.Add(r =>
        {
            string? value = r.GetValueOrDefault<string>();
            if (!values.Contains(value))
            {
                r.AddError($"{name}: must be {string.Join(" or ", values)}, got '{value}'");
            }
        });
        return option;
    }
}
