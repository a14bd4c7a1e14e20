namespace GuoduActors.Tests.Infrastructure;

/// <summary>Fixed instants for fake clocks, chosen so that the UTC and the China Standard Time dates differ where that matters.</summary>
public static class GuoduClock
{
    /// <summary>2026-11-28 10:00 in Guodu (02:00 UTC): the same calendar day in UTC and CST.</summary>
    public static readonly DateTimeOffset MorningInGuodu = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    /// <summary>2026-11-28 17:30 UTC, which is already 2026-11-29 01:30 in Guodu: ids must carry the 29th.</summary>
    public static readonly DateTimeOffset JustAfterMidnightInGuodu = new(2026, 11, 28, 17, 30, 0, TimeSpan.Zero);

    /// <summary>The <c>yyyyMMdd</c> of an instant in China Standard Time, computed independently of the product.</summary>
    public static string CstDate(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
}
