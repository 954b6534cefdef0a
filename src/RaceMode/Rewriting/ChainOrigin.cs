namespace ActorConcurrency.RaceMode.Rewriting;

/// <summary>Where the pointer of a chain comes from.</summary>
internal enum ChainOrigin
{
    Field,
    Static,
    Element,

    /// <summary>A ref local, ref parameter or ref return: the target is carried at run time.</summary>
    Pointer,
}
