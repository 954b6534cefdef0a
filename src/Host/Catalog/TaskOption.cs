using System.CommandLine;

namespace ActorConcurrency.Host.Catalog;

/// <summary>
/// An option of <c>run</c> that one or more tasks read, with the default the tour uses. Tasks that read
/// the same setting share one instance (see <see cref="RunOptions"/>), so a name means one thing.
/// </summary>
internal sealed class TaskOption<T>
{
    public TaskOption(string name, string description, T defaultValue, Func<T, string?>? validate = null)
    {
        Default = defaultValue;
        Option = new Option<T>(name)
        {
            Description = $"{description} (default {defaultValue})",
            DefaultValueFactory = _ => defaultValue,
        };
        if (validate is not null)
        {
            Option.Validators.Add(result =>
            {
                // A token that does not convert (--runs many) already carries the parser's error; the
                // range check only speaks about values that converted.
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
}
