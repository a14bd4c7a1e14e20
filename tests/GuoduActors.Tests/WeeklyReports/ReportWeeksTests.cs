namespace GuoduActors.Tests.WeeklyReports;

public sealed class ReportWeeksTests
{
    [Theory]
    [InlineData("2026-11-23", "2026-W48")]
    [InlineData("2026-12-28", "2026-W53")]
    [InlineData("2024-12-30", "2025-W01")]
    [InlineData("2027-01-04", "2027-W01")]
    public void TheIsoLabelNamesTheIsoWeekYearAndNumber(string monday, string label) =>
        Assert.Equal(label, ReportWeeks.IsoLabel(DateOnly.Parse(monday, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void AWeekRunsFromMondayMidnightToMondayMidnightChinaStandardTime()
    {
        var week = new DateOnly(2026, 11, 23);

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 16, 0, 0, TimeSpan.Zero), ReportWeeks.StartOf(week));
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero), ReportWeeks.EndOf(week));
        Assert.Equal(new DateOnly(2026, 11, 16), ReportWeeks.Containing(Cst.At(2026, 11, 22, 23, 30)));
        Assert.Equal(week, ReportWeeks.Containing(Cst.At(2026, 11, 23, 0, 10)));
        Assert.Equal(new DateOnly(2026, 11, 16), ReportWeeks.LastCompleted(Cst.At(2026, 11, 23)));
        Assert.Equal(new DateOnly(2026, 11, 9), ReportWeeks.LastCompleted(Cst.At(2026, 11, 22, 23, 59)));
    }

    [Theory]
    [InlineData("2026-11-24", "Tuesday")]
    [InlineData("2026-13-01", "yyyy-MM-dd")]
    [InlineData("last week", "yyyy-MM-dd")]
    [InlineData("23/11/2026", "yyyy-MM-dd")]
    public void AWeekMustBeGivenAsAMondayDate(string text, string hint)
    {
        Assert.False(ReportWeeks.TryParse(text, out _, out var error));
        Assert.Contains(hint, error);
    }

    [Fact]
    public void AMondayDateIsAWeek()
    {
        Assert.True(ReportWeeks.TryParse("2026-11-23", out var week, out var error));
        Assert.Equal(new DateOnly(2026, 11, 23), week);
        Assert.Null(error);
    }
}
