namespace ActorConcurrency.SharedState.Config;

/// <summary>
/// Task 6, the broken form kept for contrast: one mutable holder whose fields a reload overwrites one by
/// one, while readers read them one by one. A reader that runs between two of the writes sees fields of
/// two different versions — a torn config — which the immutable record behind one reference rules out.
/// </summary>
public sealed class TornConfigHolder
{
    /// <summary>Written field by field with plain stores; nothing ties the four together.</summary>
    private long _version;

    private int _workers;

    private int _queueCapacity;

    private string _label;

    /// <summary>Starts holding <paramref name="initial"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="initial"/> is null.</exception>
    public TornConfigHolder(Config initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _version = initial.Version;
        _workers = initial.Workers;
        _queueCapacity = initial.QueueCapacity;
        _label = initial.Label;
    }

    /// <summary>Copies the four fields of the holder into a record (field by field, so possibly torn).</summary>
    public Config Read() => new(_version, _workers, _queueCapacity, _label);

    /// <summary>Overwrites the fields one by one.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="next"/> is null.</exception>
    public void Reload(Config next) => Reload(next, betweenFields: static () => { });

    /// <summary>
    /// The same field-by-field overwrite, with a hook run after the version is written and before the
    /// other fields are, so a spec can read the holder in the middle of a reload.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public void Reload(Config next, Action betweenFields)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(betweenFields);
        _version = next.Version;
        betweenFields();
        _workers = next.Workers;
        _queueCapacity = next.QueueCapacity;
        _label = next.Label;
    }
}
