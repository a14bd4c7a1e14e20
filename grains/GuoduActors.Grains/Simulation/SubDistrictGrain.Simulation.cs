using GuoduActors.Grains.Simulation;

namespace GuoduActors.Grains;

/// <summary>
/// The sub-district remembers whether its data is simulated: the seeding service records its plan here before writing
/// anything (so a restart resumes the same plan instead of seeding twice) and the overview carries the status so the UI
/// can label simulated data.
/// </summary>
public sealed partial class SubDistrictGrain
{
    public Task<SimulationStatus> GetSimulationAsync() => Task.FromResult(state.State.Simulation ?? SimulationStatus.None);

    public async Task<SimulationStatus> BeginSimulationAsync(SimulationPlan plan)
    {
        if (state.State.Roster is null)
            throw DomainRefusalException.NotFound($"No roster has been applied to sub-district '{this.GetPrimaryKeyString()}'.");
        if (state.State.Simulation is { } begun)
            return begun;
        if (plan.Days is < 1 or > HistoryGenerator.MaxDays || plan.DailyTicketsPerStation is not (> 0 and <= HistoryGenerator.MaxDailyTicketsPerStation))
            throw DomainRefusalException.Invalid($"A simulated history covers 1 to {HistoryGenerator.MaxDays} days at more than 0 and at most {HistoryGenerator.MaxDailyTicketsPerStation} tickets per station and day.");
        state.State.Simulation = new SimulationStatus(SimulationPhase.Seeding, plan, time.GetUtcNow(), null, 0, 0);
        await state.WriteStateAsync();
        return state.State.Simulation;
    }

    public async Task<SimulationStatus> CompleteSimulationAsync(int historicTickets, int liveTickets)
    {
        var current = state.State.Simulation
            ?? throw DomainRefusalException.Conflict("No simulated history was begun, so none can be completed.");
        if (current.Phase == SimulationPhase.Seeded)
            return current;
        state.State.Simulation = current with
        {
            Phase = SimulationPhase.Seeded,
            CompletedAt = time.GetUtcNow(),
            HistoricTickets = historicTickets,
            LiveTickets = liveTickets,
        };
        await state.WriteStateAsync();
        return state.State.Simulation;
    }
}
