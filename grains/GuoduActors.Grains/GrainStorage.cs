namespace GuoduActors.Grains;

/// <summary>Names of the storage providers the grains persist to; the host binds each to Azure Tables (or memory in tests).</summary>
public static class GrainStorage
{
    /// <summary>Grain state of stations, tickets, teams and the sub-district.</summary>
    public const string Default = "guodu";
}
