using GuoduActors.Grains.Simulation;

namespace GuoduActors.Tests.Simulation;

/// <summary>
/// The simulated histories the generator tests read: the shipped roster and SLA data, generated once per test run
/// (two years take a few seconds), and small helpers to count them by China Standard Time day.
/// </summary>
internal static class SimulationData
{
    public const int Seed = 2026;

    /// <summary>Two years at the default scale, ending at 00:00 of 2026-11-28 in Guodu.</summary>
    public static readonly SimulationPlan TwoYearPlan = HistoryGenerator.PlanEndingOn(GuoduClock.MorningInGuodu, 730, Seed, 3.5);

    private static readonly Lazy<GuoduActors.Roster> LazyRoster = new(() => RosterFile.Load(Repo.ShippedRosterPath));
    private static readonly Lazy<SimulatedHistory> LazyTwoYears = new(() => Generator().Generate(TwoYearPlan));

    public static GuoduActors.Roster ShippedRoster => LazyRoster.Value;

    public static SimulatedHistory TwoYears => LazyTwoYears.Value;

    public static HistoryGenerator Generator() => new(ShippedRoster, TestSilos.Policy);

    public static IReadOnlyList<TicketRow> Rows(this SimulatedHistory history) => history.Tickets.Select(t => t.Row).ToList();

    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TicketIds.ChinaStandardTime).DateTime);

    public static IEnumerable<DateOnly> Days(this SimulationPlan plan) => Enumerable.Range(0, plan.Days).Select(plan.FirstDay.AddDays);

    /// <summary>Registrations per day (China Standard Time) of the rows that pass <paramref name="keep"/>.</summary>
    public static Dictionary<DateOnly, int> PerDay(this SimulatedHistory history, Func<TicketRow, bool>? keep = null) =>
        history.Tickets.Select(t => t.Row).Where(keep ?? (_ => true)).GroupBy(r => Day(r.RegisteredAt)).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Registrations in the seven days starting on <paramref name="first"/>.</summary>
    public static int Week(this Dictionary<DateOnly, int> perDay, DateOnly first) =>
        Enumerable.Range(0, 7).Sum(i => perDay.GetValueOrDefault(first.AddDays(i)));

    public static bool IsCommunity(string stationId) =>
        ShippedRoster.Stations.Any(s => s.Id == stationId && s.Level == StationLevel.Community);
}
