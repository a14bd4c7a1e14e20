using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GuoduActors.Grains;

[GenerateSerializer]
public sealed class StationState
{
    [Id(0)] public StationInfo? Info { get; set; }
    [Id(1)] public string SubDistrictId { get; set; } = "";
    /// <summary>Open tickets this station owns, by id, with their registration time.</summary>
    [Id(2)] public Dictionary<string, DateTimeOffset> OpenTickets { get; set; } = new(StringComparer.Ordinal);
    [Id(3)] public long ReceivedTotal { get; set; }
}

public sealed class StationGrain(
    [PersistentState("station", GrainStorage.Default)] IPersistentState<StationState> state,
    TimeProvider time) : Grain, IStationGrain
{
    private const string DeskActor = "station-desk";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Info is not null)
            ReportCounters();
        return Task.CompletedTask;
    }

    public async Task ConfigureAsync(StationInfo station, string subDistrictId)
    {
        if (station.Id != this.GetPrimaryKeyString())
            throw DomainRefusalException.Invalid($"Station entry '{station.Id}' cannot configure station '{this.GetPrimaryKeyString()}'.");
        if (state.State.Info == station && state.State.SubDistrictId == subDistrictId)
            return;
        state.State.Info = station;
        state.State.SubDistrictId = subDistrictId;
        await state.WriteStateAsync();
        ReportCounters();
    }

    public Task<StationInfo?> GetInfoAsync() => Task.FromResult(state.State.Info);

    public async Task<TicketSnapshot> RegisterTicketAsync(NewTicket ticket, string requestKey)
    {
        var stationId = this.GetPrimaryKeyString();
        if (state.State.Info is null)
            throw DomainRefusalException.NotFound($"No station '{stationId}' is in the roster.");
        var errors = TicketRules.Validate(ticket);
        if (errors.Count > 0)
            throw DomainRefusalException.Invalid(string.Join(" ", errors.Values.SelectMany(v => v)));
        if (!TicketRules.IsValidRequestKey(requestKey))
            throw DomainRefusalException.Invalid("The request key must be 1 to 100 letters, digits or . _ : -");

        // Reserve the id first, then create: a retry after a crash between the two steps finds the same id and
        // completes the creation instead of producing a second ticket.
        var ticketId = await GrainFactory.GetGrain<ITicketIntakeGrain>($"{stationId}/{requestKey}").ReserveTicketIdAsync(Fingerprint(ticket));
        var snapshot = await GrainFactory.GetGrain<ITicketGrain>(ticketId).CreateAsync(stationId, ticket, requestKey, DeskActor);

        if (!state.State.OpenTickets.ContainsKey(ticketId))
        {
            state.State.OpenTickets[ticketId] = snapshot.RegisteredAt;
            state.State.ReceivedTotal++;
            await state.WriteStateAsync();
            ReportCounters();
        }
        return snapshot;
    }

    public Task<StationCounters> GetCountersAsync() => Task.FromResult(Counters());

    private StationCounters Counters() =>
        new(this.GetPrimaryKeyString(), state.State.OpenTickets.Count, state.State.ReceivedTotal, time.GetUtcNow());

    private void ReportCounters()
    {
        if (state.State.SubDistrictId.Length > 0)
            _ = GrainFactory.GetGrain<ISubDistrictGrain>(state.State.SubDistrictId).ReportCountersAsync(Counters());
    }

    internal static string Fingerprint(NewTicket ticket) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(ticket))));
}
