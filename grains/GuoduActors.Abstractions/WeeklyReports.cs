using System.Globalization;

namespace GuoduActors;

/// <summary>Whether a weekly report holds one station's own figures or the sum of several stations' figures.</summary>
public enum WeeklyReportKind
{
    /// <summary>The station's own tickets only.</summary>
    Own = 0,

    /// <summary>A level-1 station's (or the Small Affairs Office's) own figures plus everything reported to it from below.</summary>
    Aggregate = 1,
}

/// <summary>
/// One station's weekly report (周汇总) for one week, Monday 00:00 to the next Monday 00:00 China Standard Time.
/// The definitions of every figure are on <c>WeeklyReportBuilder</c>; in short, received and escalated count the
/// tickets registered at a station, everything else the tickets the station owns.
/// </summary>
/// <remarks>
/// Besides the figures a reader wants, the report keeps the raw numerators, denominators and durations they come
/// from, so that an aggregate adds tickets up instead of averaging rates or taking a median of medians. Durations
/// are whole minutes, sorted; above <c>WeeklyReportBuilder.MaxDurations</c> a report keeps that many evenly spaced
/// order statistics instead (each then stands for <c>count / kept</c> durations), so grain state stays bounded.
/// Copies stored at a parent station drop the durations (the sender keeps them).
/// </remarks>
/// <param name="StationId">The station the report is about (for an aggregate, the station that made it).</param>
/// <param name="Level">That station's level.</param>
/// <param name="WeekStart">The Monday (China Standard Time) the week starts on.</param>
/// <param name="IsoWeek">The ISO 8601 week, e.g. <c>2026-W48</c>.</param>
/// <param name="Kind">The station's own figures, or the sum of its own and everything reported to it.</param>
/// <param name="Covers">The stations whose tickets the figures count: the station itself for an own report.</param>
/// <param name="Received">Tickets registered at the covered stations in the week.</param>
/// <param name="Resolved">Tickets resolved in the week while owned by a covered station.</param>
/// <param name="ResolvedOnTime">Of those, resolved without missing the resolution deadline.</param>
/// <param name="Overdue">Open at the week's end past a deadline (<paramref name="OpenOverdue"/>) plus resolved late in the week.</param>
/// <param name="Escalated">Of the tickets received, those escalated at least once by the time the report was compiled.</param>
/// <param name="MedianFirstResponse">Median time from registration to first response over the week's first responses.</param>
/// <param name="MedianResolution">Median time from registration to resolution over the week's resolutions.</param>
/// <param name="ResponseRate">响应率; <c>null</c> when nothing was due a response.</param>
/// <param name="ResolutionRate">解决率; <c>null</c> when nothing was resolved or overdue.</param>
/// <param name="SatisfactionRate">满意率; <c>null</c> when no resident rated.</param>
/// <param name="RatingCount">Ratings residents gave in the week.</param>
/// <param name="GeneratedAt">When the report was compiled.</param>
/// <param name="FirstResponses">First responses made in the week.</param>
/// <param name="FirstResponsesOnTime">Of those, made before the first-response deadline.</param>
/// <param name="OpenOverdue">Open at the week's end with either deadline passed.</param>
/// <param name="AwaitingResponseOverdue">Open at the week's end, not yet responded to, with the first-response deadline passed.</param>
/// <param name="AwaitingResolutionOverdue">Open at the week's end with the resolution deadline passed.</param>
/// <param name="Satisfied">Ratings of 4 or 5 given in the week.</param>
/// <param name="FirstResponseMinutes">Registration to first response, whole minutes, sorted (possibly thinned, see remarks).</param>
/// <param name="ResolutionMinutes">Registration to resolution, whole minutes, sorted (possibly thinned, see remarks).</param>
[GenerateSerializer, Immutable]
public sealed record class WeeklyReport(
    [property: Id(0)] string StationId,
    [property: Id(1)] StationLevel Level,
    [property: Id(2)] DateOnly WeekStart,
    [property: Id(3)] string IsoWeek,
    [property: Id(4)] WeeklyReportKind Kind,
    [property: Id(5)] IReadOnlyList<string> Covers,
    [property: Id(6)] int Received,
    [property: Id(7)] int Resolved,
    [property: Id(8)] int ResolvedOnTime,
    [property: Id(9)] int Overdue,
    [property: Id(10)] int Escalated,
    [property: Id(11)] TimeSpan? MedianFirstResponse,
    [property: Id(12)] TimeSpan? MedianResolution,
    [property: Id(13)] double? ResponseRate,
    [property: Id(14)] double? ResolutionRate,
    [property: Id(15)] double? SatisfactionRate,
    [property: Id(16)] int RatingCount,
    [property: Id(17)] DateTimeOffset GeneratedAt,
    [property: Id(18)] int FirstResponses,
    [property: Id(19)] int FirstResponsesOnTime,
    [property: Id(20)] int OpenOverdue,
    [property: Id(21)] int AwaitingResponseOverdue,
    [property: Id(22)] int AwaitingResolutionOverdue,
    [property: Id(23)] int Satisfied,
    [property: Id(24)] IReadOnlyList<int> FirstResponseMinutes,
    [property: Id(25)] IReadOnlyList<int> ResolutionMinutes)
{
    /// <summary>Whether the durations behind the medians are present (copies kept at a parent drop them).</summary>
    public bool HasDurations =>
        (FirstResponses == 0 || FirstResponseMinutes.Count > 0) && (Resolved == 0 || ResolutionMinutes.Count > 0);

    /// <summary>The same report without its raw durations: what a parent keeps of a report sent to it.</summary>
    public WeeklyReport WithoutDurations() => this with { FirstResponseMinutes = [], ResolutionMinutes = [] };
}

/// <summary>
/// The weekly report calendar: weeks run Monday 00:00 to the next Monday 00:00 China Standard Time and are named by
/// their Monday. Reports are kept for <see cref="WindowWeeks"/> weeks.
/// </summary>
public static class ReportWeeks
{
    /// <summary>How many weeks of reports are kept, counting back from the last completed week.</summary>
    public const int WindowWeeks = 60;

    public static bool IsWeekStart(DateOnly day) => day.DayOfWeek == DayOfWeek.Monday;

    /// <summary>The instant the week starts: its Monday 00:00 China Standard Time.</summary>
    public static DateTimeOffset StartOf(DateOnly weekStart) => Midnight(weekStart);

    /// <summary>The instant the week ends (exclusive): the next Monday 00:00 China Standard Time.</summary>
    public static DateTimeOffset EndOf(DateOnly weekStart) => Midnight(weekStart.AddDays(7));

    /// <summary>The Monday of the China Standard Time week that contains <paramref name="at"/>.</summary>
    public static DateOnly Containing(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TicketIds.ChinaStandardTime).DateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    /// <summary>The most recent week that has fully ended at <paramref name="now"/>.</summary>
    public static DateOnly LastCompleted(DateTimeOffset now) => Containing(now).AddDays(-7);

    /// <summary>The oldest week still kept at <paramref name="now"/>.</summary>
    public static DateOnly OldestKept(DateTimeOffset now) => LastCompleted(now).AddDays(-7 * (WindowWeeks - 1));

    /// <summary>The ISO 8601 week label, e.g. <c>2026-W48</c> for the week starting 2026-11-23.</summary>
    public static string IsoLabel(DateOnly weekStart)
    {
        var day = weekStart.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):D2}");
    }

    /// <summary>Reads a week given as its Monday, <c>yyyy-MM-dd</c>; <paramref name="error"/> says what is wrong otherwise.</summary>
    public static bool TryParse(string? text, out DateOnly weekStart, out string? error)
    {
        error = null;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out weekStart))
            error = "week must be a date as yyyy-MM-dd: the Monday the week starts on.";
        else if (!IsWeekStart(weekStart))
            error = $"week must be a Monday; {weekStart:yyyy-MM-dd} is a {weekStart.DayOfWeek}.";
        return error is null;
    }

    /// <summary>The key of the grain that holds one station's reports of one week.</summary>
    public static string FolderKey(string stationId, DateOnly weekStart) =>
        string.Create(CultureInfo.InvariantCulture, $"{stationId}/{weekStart:yyyy-MM-dd}");

    private static DateTimeOffset Midnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, TicketIds.ChinaStandardTime.GetUtcOffset(local));
    }
}

/// <summary>
/// The reports one station holds for one week, keyed <c>{stationId}/{yyyy-MM-dd}</c> (<see cref="ReportWeeks.FolderKey"/>).
/// One grain per station and week keeps every state small: the Small Affairs Office holds a copy of every station's
/// report of the week, which over a 60-week window would not fit one grain's state.
/// </summary>
public interface IWeeklyReportsGrain : IGrainWithStringKey
{
    /// <summary>The reports stored for the week, in the order they were stored; empty before the week is compiled.</summary>
    Task<IReadOnlyList<WeeklyReport>> GetAsync();

    /// <summary>
    /// Stores the week's reports once: a folder that already holds reports keeps them and returns them, so a repeated
    /// compilation can never replace or double what was sent.
    /// </summary>
    Task<IReadOnlyList<WeeklyReport>> StoreAsync(IReadOnlyList<WeeklyReport> reports);

    /// <summary>Deletes the week's reports (the week left the window).</summary>
    Task ClearAsync();
}
