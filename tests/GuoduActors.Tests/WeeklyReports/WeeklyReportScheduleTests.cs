using static GuoduActors.Tests.WeeklyReports.TicketRows;

namespace GuoduActors.Tests.WeeklyReports;

/// <summary>
/// The Monday 00:00 schedule, driven by the fake clock: the tests call the reminder's check themselves instead of
/// waiting for a reminder to fire.
/// </summary>
[Collection(WeeklyReportsClusterCollection.Name)]
public sealed class WeeklyReportScheduleTests(WeeklyReportsClusterFixture fixture)
{
    [Fact]
    public async Task PassingMondayMidnightCstCompilesTheWeekJustEndedExactlyOnce()
    {
        var s = await fixture.ApplyNewRosterAsync();
        var subDistrict = fixture.Client.GetGrain<ISubDistrictGrain>(s.Office);
        var thisWeek = ReportWeeks.Containing(fixture.Time.GetUtcNow());
        var midnight = ReportWeeks.EndOf(thisWeek);
        var sundayNight = midnight.AddMinutes(-2);
        await fixture.SeedAsync(Registered($"{s.C2A}-1", s.C2A, sundayNight).Resolved(sundayNight.AddMinutes(1)));

        Assert.Equal([thisWeek.AddDays(-7)], await subDistrict.CompileDueWeeklyReportsAsync());
        fixture.Time.SetUtcNow(midnight.AddMinutes(-1));
        Assert.Empty(await subDistrict.CompileDueWeeklyReportsAsync());
        Assert.Empty(await fixture.Station(s.Office).GetWeeklyReportsAsync(thisWeek));

        fixture.Time.SetUtcNow(midnight.AddMinutes(3));
        var compiled = await subDistrict.CompileDueWeeklyReportsAsync();
        fixture.Time.Advance(TimeSpan.FromHours(1));
        var later = await subDistrict.CompileDueWeeklyReportsAsync();

        Assert.Equal([thisWeek], compiled);
        Assert.Empty(later);
        var total = (await fixture.Station(s.Office).GetWeeklyReportsAsync(thisWeek))[0];
        Assert.Equal((1, 1), (total.Received, total.Resolved));
        Assert.Equal(midnight.AddMinutes(3), total.GeneratedAt);
    }

    [Fact]
    public async Task WeeksMissedWhileTheClusterWasDownAreCompiledOnceEachAtTheNextCheck()
    {
        var s = await fixture.ApplyNewRosterAsync();
        var subDistrict = fixture.Client.GetGrain<ISubDistrictGrain>(s.Office);
        var lastCompleted = ReportWeeks.LastCompleted(fixture.Time.GetUtcNow());
        Assert.Equal([lastCompleted], await subDistrict.CompileDueWeeklyReportsAsync());

        fixture.Time.Advance(TimeSpan.FromDays(21));
        var caughtUp = await subDistrict.CompileDueWeeklyReportsAsync();
        var again = await subDistrict.CompileDueWeeklyReportsAsync();

        Assert.Equal([lastCompleted.AddDays(7), lastCompleted.AddDays(14), lastCompleted.AddDays(21)], caughtUp);
        Assert.Empty(again);
        foreach (var week in caughtUp)
            Assert.Equal(9, (await fixture.Station(s.Office).GetWeeklyReportsAsync(week)).Count);
    }
}
