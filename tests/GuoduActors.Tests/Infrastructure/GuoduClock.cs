namespace GuoduActors.Tests.Infrastructure;

/// <summary>Fixed instants for fake clocks, chosen so that the UTC and the China Standard Time dates differ where that matters.</summary>
public static class GuoduClock
{
    /// <summary>2026-11-28 10:00 in Guodu (02:00 UTC): the same calendar day in UTC and CST.</summary>
    public static readonly DateTimeOffset MorningInGuodu = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    /// <summary>2026-11-28 17:30 UTC, which is already 2026-11-29 01:30 in Guodu: ids must carry the 29th.</summary>
    public static readonly DateTimeOffset JustAfterMidnightInGuodu = new(2026, 11, 28, 17, 30, 0, TimeSpan.Zero);

    /// <summary>
    /// Monday 2026-06-22 09:00 in Guodu, the first working day after the Dragon Boat Festival: twelve weeks pass before
    /// the next public holiday or make-up working day, so a test that moves the clock by weeks meets only weekends.
    /// </summary>
    public static readonly DateTimeOffset SummerMondayInGuodu = Cst.At(2026, 6, 22, 9);

    /// <summary>The first <paramref name="day"/> at <paramref name="time"/> in Guodu that is later than <paramref name="after"/>.</summary>
    public static DateTimeOffset NextCst(DateTimeOffset after, DayOfWeek day, TimeOnly time)
    {
        var local = after.ToOffset(TimeSpan.FromHours(8));
        var date = DateOnly.FromDateTime(local.DateTime);
        for (var candidate = date; ; candidate = candidate.AddDays(1))
        {
            var at = Cst.At(candidate.Year, candidate.Month, candidate.Day, time.Hour, time.Minute);
            if (candidate.DayOfWeek == day && at > after)
                return at;
        }
    }

    /// <summary>The <c>yyyyMMdd</c> of an instant in China Standard Time, computed independently of the product.</summary>
    public static string CstDate(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Instants written in China Standard Time, as the sub-district reads its clock.</summary>
internal static class Cst
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, Offset);
}
