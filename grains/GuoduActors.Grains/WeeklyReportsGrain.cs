namespace GuoduActors.Grains;

[GenerateSerializer]
public sealed class WeeklyReportFolderState
{
    [Id(0)] public List<WeeklyReport> Reports { get; set; } = [];
}

/// <summary>One station's reports of one week, written once (see <see cref="IWeeklyReportsGrain"/>).</summary>
public sealed class WeeklyReportsGrain(
    [PersistentState("weekly", GrainStorage.Default)] IPersistentState<WeeklyReportFolderState> state) : Grain, IWeeklyReportsGrain
{
    public Task<IReadOnlyList<WeeklyReport>> GetAsync() => Task.FromResult<IReadOnlyList<WeeklyReport>>(state.State.Reports.ToList());

    public async Task<IReadOnlyList<WeeklyReport>> StoreAsync(IReadOnlyList<WeeklyReport> reports)
    {
        if (state.State.Reports.Count == 0 && reports.Count > 0)
        {
            state.State.Reports = [.. reports];
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                state.State.Reports = [];
                throw;
            }
        }
        return state.State.Reports.ToList();
    }

    public async Task ClearAsync()
    {
        if (state.RecordExists)
            await state.ClearStateAsync();
        state.State.Reports = [];
        // An old week is not read again: free the activation now rather than after the idle timeout.
        DeactivateOnIdle();
    }
}
