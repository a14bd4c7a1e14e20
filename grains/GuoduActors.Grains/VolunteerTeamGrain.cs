namespace GuoduActors.Grains;

[GenerateSerializer]
public sealed class VolunteerTeamState
{
    [Id(0)] public TeamInfo? Info { get; set; }
}

public sealed class VolunteerTeamGrain(
    [PersistentState("team", GrainStorage.Default)] IPersistentState<VolunteerTeamState> state) : Grain, IVolunteerTeamGrain
{
    public async Task ConfigureAsync(TeamInfo team)
    {
        if (team.Id != this.GetPrimaryKeyString())
            throw DomainRefusalException.Invalid($"Team entry '{team.Id}' cannot configure team '{this.GetPrimaryKeyString()}'.");
        if (team.SameAs(state.State.Info))
            return;
        state.State.Info = team;
        await state.WriteStateAsync();
    }

    public Task<TeamInfo?> GetInfoAsync() => Task.FromResult(state.State.Info);
}
