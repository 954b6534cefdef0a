using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ActorConcurrency.Host.Catalog;

/// <summary>
/// An option of <c>run</c> that one or more tasks read, with the default the tour uses. Tasks that read
/// the same setting share one instance (see <see cref="RunOptions"/>), so a name means one thing. Help
/// prints the default once (System.CommandLine's <c>[default: …]</c>); a value that is not a number is
/// refused in words, not with a CLR type name.
/// </summary>
internal sealed class TaskOption<T>
{
    public TaskOption(string name, string description, T defaultValue, Func<T, string?>? validate = null)
    {
        Default = defaultValue;
        Option = new Option<T>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => Parse(name, result),
        };
        if (validate is not null)
        {
            Option.Validators.Add(result =>
            {
                // A token that did not convert already carries its error; the range check only speaks about values that converted.
                T value;
                try
                {
                    value = result.GetValueOrDefault<T>();
                }
                catch (InvalidOperationException)
                {
                    return;
                }

                if (validate(value) is { } error)
                {
                    result.AddError($"{name}: {error}");
                }
            });
        }
    }

    public T Default { get; }

    public Option<T> Option { get; }

    private static T Parse(string name, ArgumentResult result)
    {
        string token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        object? value = typeof(T) == typeof(int)
            ? int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int whole) ? whole : null
            : typeof(T) == typeof(double)
                ? double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double real) && double.IsFinite(real) ? real : null
                : typeof(T) == typeof(string) ? token : null;
        if (value is null)
        {
            result.AddError(typeof(T) == typeof(int)
                ? $"{name} takes a whole number, got '{token}'"
                : $"{name} takes a number, got '{token}'");
            return default!;
        }

        return (T)value;
    }
}
