namespace ActorConcurrency.RaceMode.Runtime;

/// <summary>How reports name a runtime type: <c>Dictionary&lt;Int32,String&gt;</c>, <c>List&lt;Int32&gt;</c>, <c>StringBuilder</c>.</summary>
internal static class TypeNames
{
    public static string Friendly(Type type)
    {
        string name = type.Name;
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick < 0 || !type.IsGenericType)
        {
            return name;
        }

        return $"{name[..tick]}<{string.Join(',', type.GetGenericArguments().Select(Friendly))}>";
    }
}
