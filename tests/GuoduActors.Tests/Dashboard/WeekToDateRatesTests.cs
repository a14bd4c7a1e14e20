using GuoduActors.Dashboard.Services;

namespace GuoduActors.Tests.Dashboard;

public sealed class WeekToDateRatesTests
{
    // Saturday 2026-11-28 10:03 China Standard Time; the week started on Monday 2026-11-23.
    private static readonly DateTimeOffset Now = SampleOverview.AsOf;
    private static readonly DateOnly Week = new(2026, 11, 23);
    private static readonly DateTimeOffset Tuesday = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8));

    private static TicketRow Row(string id, Func<TicketRow, TicketRow>? change = null)
    {
        var row = new TicketRow
        {
            TicketId = id, OwnerId = "bolangfeng", StationId = "bolangfeng", Status = TicketStatus.Classified, RegisteredAt = Tuesday,
            FirstResponseDue = Tuesday.AddDays(10), ResolutionDue = Tuesday.AddDays(20), Description = "d", UpdatedAt = Tuesday,
        };
        return change is null ? row : change(row);
    }

    [Fact]
    public void TheResponseRateCountsOnTimeFirstResponsesAgainstResponsesAndTicketsStillAwaitingOnePastTheirDeadline()
    {
        var rates = WeekToDateRates.Compute(
        [
            Row("a", r => r with { Status = TicketStatus.InProgress, FirstRespondedAt = Tuesday.AddHours(1) }),
            Row("b", r => r with { Status = TicketStatus.InProgress, FirstRespondedAt = Tuesday.AddHours(30), FirstResponseLate = true }),
            Row("c", r => r with { FirstResponseDue = Now.AddHours(-1) }),
            Row("d"),
        ], Week, Now);

        Assert.Equal(1.0 / 3, rates.ResponseRate!.Value, 6);
        Assert.True(rates.IsToDate);
    }

    [Fact]
    public void TheResolutionRateCountsResolutionsAgainstResolutionsAndOpenTicketsPastTheirResolutionDeadline()
    {
        var rates = WeekToDateRates.Compute(
        [
            Row("a", r => r with { Status = TicketStatus.Resolved, ResolvedAt = Tuesday.AddDays(1) }),
            Row("b", r => r with { ResolutionLate = true }),
            Row("c", r => r with { Status = TicketStatus.Resolved, ResolvedAt = Tuesday.AddDays(-3) }),
        ], Week, Now);

        Assert.Equal(0.5, rates.ResolutionRate);
    }

    [Fact]
    public void TheSatisfactionRateCountsRatingsOfFourOrFiveGivenThisWeek()
    {
        var rates = WeekToDateRates.Compute(
        [
            Row("a", r => r with { Status = TicketStatus.Closed, Rating = 5, ClosedAt = Tuesday.AddDays(1) }),
            Row("b", r => r with { Status = TicketStatus.Closed, Rating = 2, ClosedAt = Tuesday.AddDays(1) }),
            Row("c", r => r with { Status = TicketStatus.Closed, Rating = 1, ClosedAt = Tuesday.AddDays(-7) }),
        ], Week, Now);

        Assert.Equal(0.5, rates.SatisfactionRate);
    }

    [Fact]
    public void RatesWithNothingToCountAreEmptyNotZero()
    {
        var rates = WeekToDateRates.Compute([Row("a")], Week, Now);

        Assert.Null(rates.ResponseRate);
        Assert.Null(rates.ResolutionRate);
        Assert.Null(rates.SatisfactionRate);
    }

    [Fact]
    public void ATicketBetweenTwoOwnersCountsOnceByItsNewestRow()
    {
        var rates = WeekToDateRates.Compute(
        [
            Row("a", r => r with { ResolutionLate = true }),
            Row("a", r => r with { OwnerId = "fenglin", Status = TicketStatus.Resolved, ResolvedAt = Tuesday.AddDays(2), UpdatedAt = Tuesday.AddDays(2) }),
        ], Week, Now);

        Assert.Equal(1.0, rates.ResolutionRate);
    }
}
