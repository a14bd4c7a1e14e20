namespace GuoduActors.Grains;

/// <summary>Names of the storage providers the grains persist to; the host binds each to Azure Tables (or memory in tests).</summary>
public static class GrainStorage
{
    /// <summary>Grain state of stations, teams, the sub-district and the day's ticket numbers.</summary>
    public const string Default = "guodu";

    /// <summary>Tickets' state: an <see cref="ITicketStore"/>, which also takes new tickets in batches.</summary>
    public const string Tickets = "tickets";
}
