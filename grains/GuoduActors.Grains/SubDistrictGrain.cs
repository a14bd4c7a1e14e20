using Microsoft.Extensions.Logging;

namespace GuoduActors.Grains;

[GenerateSerializer]
public sealed class SubDistrictState
{
    [Id(0)] public Roster? Roster { get; set; }
    /// <summary>Whether and up to when the data is simulated; <c>null</c> when nothing is.</summary>
    [Id(1)] public SimulationStatus? Simulation { get; set; }
}

public sealed partial class SubDistrictGrain(
    [PersistentState("subdistrict", GrainStorage.Default)] IPersistentState<SubDistrictState> state,
    [PersistentState("weekly-schedule", GrainStorage.Default)] IPersistentState<WeeklyReportScheduleState> weeklySchedule,
    TimeProvider time,
    ILogger<SubDistrictGrain> logger) : Grain, ISubDistrictGrain
{
    // Counters are live, not persisted: the stations own them and re-report on activation, so keeping them
    // here only in memory costs no write per ticket and can never drift from the stations' truth.
    private readonly Dictionary<string, StationCounters> _counters = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Roster is { } roster)
            await RefreshCountersAsync(roster);
    }

    public async Task ApplyRosterAsync(Roster roster)
    {
        if (roster.SubDistrict.Id != this.GetPrimaryKeyString())
            throw DomainRefusalException.Invalid($"This roster is for sub-district '{roster.SubDistrict.Id}', not '{this.GetPrimaryKeyString()}'.");

        if (!roster.SameAs(state.State.Roster))
        {
            state.State.Roster = roster;
            await state.WriteStateAsync();
        }

        // Configure every station and team even when the roster is unchanged: a grain whose earlier
        // configuration was interrupted by a crash is repaired by the next start.
        await Task.WhenAll(AllStations(roster).Select(s => GrainFactory.GetGrain<IStationGrain>(s.Id).ConfigureAsync(s, roster.SubDistrict.Id)));
        await Task.WhenAll(roster.Teams.Select(t => GrainFactory.GetGrain<IVolunteerTeamGrain>(t.Id).ConfigureAsync(t)));
        await RefreshCountersAsync(roster);
        await EnsureWeeklyReportsScheduledAsync();
        logger.LogInformation("Roster applied: {Stations} stations, {Teams} teams", roster.Stations.Count, roster.Teams.Count);
    }

    public Task<Roster?> GetRosterAsync() => Task.FromResult(state.State.Roster);

    public Task<SubDistrictOverview> GetOverviewAsync()
    {
        var roster = state.State.Roster ?? throw DomainRefusalException.NotFound($"No roster has been applied to sub-district '{this.GetPrimaryKeyString()}'.");
        var stations = roster.Stations.Select(Summary).ToList();
        return Task.FromResult(new SubDistrictOverview(roster.SubDistrict, stations, roster.Teams, time.GetUtcNow(), Summary(Office(roster)), state.State.Simulation));
    }

    public async Task ReportCountersAsync(StationCounters counters)
    {
        // Reports are one-way and may arrive out of order; keep the newest.
        if (_counters.TryGetValue(counters.StationId, out var known))
        {
            if (known.AsOf > counters.AsOf)
                return;
            // Two different reports stamped alike (a clock that did not move between them) cannot be ordered:
            // ask the station, or a late report could leave its counters stale until its next change.
            if (known.AsOf == counters.AsOf && known != counters)
                counters = await GrainFactory.GetGrain<IStationGrain>(counters.StationId).GetCountersAsync();
        }
        _counters[counters.StationId] = counters;
        MarkCountersChanged();
    }

    /// <summary>
    /// The Small Affairs Office as the station at the top of the hierarchy: escalations of last resort land in its
    /// index, so it is counted and listed like any station, but it escalates nothing further.
    /// </summary>
    public static StationInfo Office(Roster roster) =>
        new(roster.SubDistrict.Id, roster.SubDistrict.OfficeNameZh, roster.SubDistrict.OfficeNameEn, StationLevel.Office, "", false);

    private static IEnumerable<StationInfo> AllStations(Roster roster) => roster.Stations.Prepend(Office(roster));

    private StationSummary Summary(StationInfo station) =>
        _counters.TryGetValue(station.Id, out var c)
            ? new StationSummary(station, c.Open, c.ReceivedTotal, c.Overdue, c.EscalatedTotal)
            : new StationSummary(station, 0, 0);

    private async Task RefreshCountersAsync(Roster roster)
    {
        var all = await Task.WhenAll(AllStations(roster).Select(s => GrainFactory.GetGrain<IStationGrain>(s.Id).GetCountersAsync()));
        foreach (var counters in all)
            await ReportCountersAsync(counters);
    }
}
