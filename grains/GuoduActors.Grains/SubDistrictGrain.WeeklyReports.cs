using Microsoft.Extensions.Logging;

namespace GuoduActors.Grains;

[GenerateSerializer]
public sealed class WeeklyReportScheduleState
{
    /// <summary>The last week the scheduled check compiled; <c>null</c> before the first check.</summary>
    [Id(0)] public DateOnly? LastCompiledWeek { get; set; }
}

/// <summary>
/// The weekly report schedule: every Monday 00:00 China Standard Time the week just ended is compiled through the
/// hierarchy. A durable reminder checks every few minutes (reminders cannot be set for a wall-clock time, and a check
/// that finds nothing to do costs no storage access), so a week is compiled at most one period after it ends, and
/// weeks that ended while the cluster was down are compiled at the first check after it comes back.
/// </summary>
public sealed partial class SubDistrictGrain : IRemindable
{
    private const string WeeklyReportReminder = "weekly-reports";
    private static readonly TimeSpan WeeklyReportCheckPeriod = TimeSpan.FromMinutes(5);

    public async Task<IReadOnlyList<WeeklyReport>> CompileWeeklyReportsAsync(DateOnly weekStart)
    {
        var roster = state.State.Roster ?? throw DomainRefusalException.NotFound($"No roster has been applied to sub-district '{this.GetPrimaryKeyString()}'.");
        // The office is the top station: it asks every level-1 station, which asks its level-2 stations.
        var office = GrainFactory.GetGrain<IStationGrain>(roster.SubDistrict.Id);
        await office.CompileWeeklyReportAsync(weekStart);
        return await office.GetWeeklyReportsAsync(weekStart);
    }

    public async Task<IReadOnlyList<DateOnly>> CompileDueWeeklyReportsAsync()
    {
        if (state.State.Roster is null)
            return [];
        var now = time.GetUtcNow();
        var lastCompleted = ReportWeeks.LastCompleted(now);
        var next = weeklySchedule.State.LastCompiledWeek is { } done ? done.AddDays(7) : lastCompleted;
        if (next < ReportWeeks.OldestKept(now))
            next = ReportWeeks.OldestKept(now);

        var compiled = new List<DateOnly>();
        for (var week = next; week <= lastCompleted; week = week.AddDays(7))
        {
            await CompileWeeklyReportsAsync(week);
            // Recorded week by week: a failure part-way resumes at the first week not yet compiled.
            weeklySchedule.State.LastCompiledWeek = week;
            await weeklySchedule.WriteStateAsync();
            compiled.Add(week);
        }
        if (compiled.Count > 0)
            logger.LogInformation("Weekly reports compiled for {Weeks}", string.Join(", ", compiled.Select(ReportWeeks.IsoLabel)));
        return compiled;
    }

    public Task<IReadOnlyList<StationInfo>> GetChildStationsAsync(string stationId) =>
        Task.FromResult<IReadOnlyList<StationInfo>>((state.State.Roster?.Stations ?? []).Where(s => s.ParentId == stationId).ToList());

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != WeeklyReportReminder)
            return;
        try
        {
            await CompileDueWeeklyReportsAsync();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Weekly reports of sub-district {SubDistrict} could not be compiled; the next check retries", this.GetPrimaryKeyString());
        }
    }

    private Task EnsureWeeklyReportsScheduledAsync() =>
        this.RegisterOrUpdateReminder(WeeklyReportReminder, WeeklyReportCheckPeriod, WeeklyReportCheckPeriod);
}
