using GuoduActors.Grains;
using static GuoduActors.Tests.WeeklyReports.TicketRows;

namespace GuoduActors.Tests.WeeklyReports;

/// <summary>The report arithmetic on hand-made rows, in the week of Monday 2026-11-16 (ISO 2026-W47), China Standard Time.</summary>
public sealed class WeeklyReportBuilderTests
{
    private const string Station = "compound-a";
    private const string Other = "compound-b";
    private const string Community = "community-1";
    private static readonly DateOnly Week = new(2026, 11, 16);
    private static readonly DateTimeOffset CompiledAt = Cst.At(2026, 11, 23, 0, 5);

    private static WeeklyReport Build(params TicketRow[] rows) => WeeklyReportBuilder.Build(Station, StationLevel.Compound, Week, rows, CompiledAt);

    [Fact]
    public void ReceivedCountsTicketsRegisteredAtTheStationInTheWeekWhoeverOwnsThemNow()
    {
        var report = Build(
            Registered("GD-1", Station, Cst.At(2026, 11, 17, 9)),
            Registered("GD-2", Station, Cst.At(2026, 11, 18, 9)).Escalated(SlaClock.FirstResponse, Community, Cst.At(2026, 11, 18, 11)),
            Registered("GD-3", Community, Cst.At(2026, 11, 18, 9)).AssignedTo(Station),
            Registered("GD-4", Station, Cst.At(2026, 11, 15, 9)));

        Assert.Equal(2, report.Received);
        Assert.Equal(1, report.Escalated);
        Assert.Equal(["compound-a"], report.Covers);
        Assert.Equal(WeeklyReportKind.Own, report.Kind);
        Assert.Equal("2026-W47", report.IsoWeek);
    }

    [Fact]
    public void ATicketRegisteredSunday2330CstBelongsToThatWeekAndOneRegisteredMonday0010CstToTheNext()
    {
        var sundayNight = Registered("GD-1", Station, Cst.At(2026, 11, 22, 23, 30));
        var mondayMorning = Registered("GD-2", Station, Cst.At(2026, 11, 23, 0, 10));
        // Both are Sunday 22 November in UTC: only the China Standard Time calendar tells the weeks apart.
        Assert.Equal(sundayNight.RegisteredAt.UtcDateTime.Date, mondayMorning.RegisteredAt.UtcDateTime.Date);

        var thisWeek = WeeklyReportBuilder.Build(Station, StationLevel.Compound, Week, [sundayNight, mondayMorning], Cst.At(2026, 11, 30, 1));
        var nextWeek = WeeklyReportBuilder.Build(Station, StationLevel.Compound, Week.AddDays(7), [sundayNight, mondayMorning], Cst.At(2026, 11, 30, 1));

        Assert.Equal(1, thisWeek.Received);
        Assert.Equal(1, nextWeek.Received);
        Assert.Equal("2026-W48", nextWeek.IsoWeek);
    }

    [Fact]
    public void ResolvedCountsResolutionsInTheWeekWhileOwnedAndOnTimeThoseThatMissedNoDeadline()
    {
        var report = Build(
            Registered("GD-1", Station, Cst.At(2026, 11, 16, 9)).Resolved(Cst.At(2026, 11, 17, 9)),
            Registered("GD-2", Station, Cst.At(2026, 11, 9, 9)).Responded(Cst.At(2026, 11, 9, 10)).Resolved(Cst.At(2026, 11, 18, 9)),
            Registered("GD-3", Station, Cst.At(2026, 11, 19, 9)).Resolved(Cst.At(2026, 11, 23, 10)),
            Registered("GD-4", Other, Cst.At(2026, 11, 16, 9)).Resolved(Cst.At(2026, 11, 18, 9)));

        Assert.Equal(2, report.Resolved);
        Assert.Equal(1, report.ResolvedOnTime);
    }

    [Fact]
    public void ResolutionRateIsResolvedOverResolvedPlusOpenTicketsPastTheirResolutionDeadlineAtWeekEnd()
    {
        var report = Build(
            // Resolved on time, and resolved late, in the week.
            Registered("GD-1", Station, Cst.At(2026, 11, 16, 9)).Resolved(Cst.At(2026, 11, 17, 9)),
            Registered("GD-2", Station, Cst.At(2026, 11, 9, 9)).Responded(Cst.At(2026, 11, 9, 10)).Resolved(Cst.At(2026, 11, 18, 9)),
            // Escalated here after missing its resolution deadline: a fresh deadline, still overdue.
            Registered("GD-3", Other, Cst.At(2026, 11, 12, 9)).Responded(Cst.At(2026, 11, 12, 10)).Escalated(SlaClock.Resolution, Station, Cst.At(2026, 11, 19, 9)),
            // Open at week end and not yet due.
            Registered("GD-4", Station, Cst.At(2026, 11, 19, 9)).Responded(Cst.At(2026, 11, 19, 10)),
            // Overdue at week end, resolved (late) only after it.
            Registered("GD-5", Station, Cst.At(2026, 11, 13, 9)).Responded(Cst.At(2026, 11, 13, 10)).Resolved(Cst.At(2026, 11, 23, 8)),
            // Past its deadline but cancelled before the week ended.
            Registered("GD-6", Station, Cst.At(2026, 11, 10, 9)).Responded(Cst.At(2026, 11, 10, 10)).Cancelled(Cst.At(2026, 11, 20, 12)));

        Assert.Equal(2, report.Resolved);
        Assert.Equal(2, report.AwaitingResolutionOverdue);
        Assert.Equal(0.5, report.ResolutionRate);
        Assert.Equal(2, report.OpenOverdue);
        Assert.Equal(3, report.Overdue);
    }

    [Fact]
    public void ResponseRateIsOnTimeFirstResponsesOverFirstResponsesPlusTicketsStillAwaitingAnOverdueResponse()
    {
        var report = Build(
            Registered("GD-1", Station, Cst.At(2026, 11, 16, 9)).Responded(Cst.At(2026, 11, 16, 10)),
            Registered("GD-2", Station, Cst.At(2026, 11, 16, 9)).Responded(Cst.At(2026, 11, 16, 12)),
            Registered("GD-3", Station, Cst.At(2026, 11, 15, 23)).Responded(Cst.At(2026, 11, 16, 0, 30)),
            // Escalated here unanswered and still unanswered at week end.
            Registered("GD-4", Other, Cst.At(2026, 11, 20, 9)).Escalated(SlaClock.FirstResponse, Station, Cst.At(2026, 11, 20, 11)),
            // Due after the week ended.
            Registered("GD-5", Station, Cst.At(2026, 11, 22, 23)),
            // Due before the week ended, answered (late) only after it.
            Registered("GD-6", Station, Cst.At(2026, 11, 22, 21)).Responded(Cst.At(2026, 11, 23, 0, 30)));

        Assert.Equal(3, report.FirstResponses);
        Assert.Equal(2, report.FirstResponsesOnTime);
        Assert.Equal(2, report.AwaitingResponseOverdue);
        Assert.Equal(0.4, report.ResponseRate);
        Assert.Equal(TimeSpan.FromMinutes(90), report.MedianFirstResponse);
        Assert.Equal([60, 90, 180], report.FirstResponseMinutes);
    }

    [Fact]
    public void SatisfactionRateIsRatingsOfFourOrFiveOverRatingsGivenInTheWeek()
    {
        TicketRow Rated(string id, string station, DateTimeOffset closedAt, int rating) =>
            Registered(id, station, Cst.At(2026, 11, 16, 9)).Resolved(Cst.At(2026, 11, 16, 12)).Closed(closedAt, rating);

        var report = Build(
            Rated("GD-1", Station, Cst.At(2026, 11, 17, 10), 5),
            Rated("GD-2", Station, Cst.At(2026, 11, 18, 10), 4),
            Rated("GD-3", Station, Cst.At(2026, 11, 19, 10), 3),
            Rated("GD-4", Station, Cst.At(2026, 11, 23, 10), 5),
            Rated("GD-5", Other, Cst.At(2026, 11, 19, 10), 1),
            Registered("GD-6", Station, Cst.At(2026, 11, 16, 9)).Resolved(Cst.At(2026, 11, 20, 9)));

        Assert.Equal(3, report.RatingCount);
        Assert.Equal(2, report.Satisfied);
        Assert.Equal(2.0 / 3, report.SatisfactionRate);
    }

    [Fact]
    public void TheMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleDurations()
    {
        var registered = Cst.At(2026, 11, 17, 9);
        var report = Build(
            Registered("GD-1", Station, registered).Resolved(registered.AddMinutes(30)),
            Registered("GD-2", Station, registered).Resolved(registered.AddMinutes(600)),
            Registered("GD-3", Station, registered).Resolved(registered.AddMinutes(60)),
            Registered("GD-4", Station, registered).Resolved(registered.AddMinutes(120)));

        Assert.Equal(TimeSpan.FromMinutes(90), report.MedianResolution);
        Assert.Equal([30, 60, 120, 600], report.ResolutionMinutes);
    }

    [Fact]
    public void DurationsAreCountedInWholeMinutes()
    {
        var registered = Cst.At(2026, 11, 17, 9);
        var report = Build(Registered("GD-1", Station, registered).Resolved(registered + TimeSpan.FromSeconds(29 * 60 + 40)));

        Assert.Equal(TimeSpan.FromMinutes(30), report.MedianResolution);
        Assert.Equal(TimeSpan.FromMinutes(30), report.MedianFirstResponse);
    }

    [Fact]
    public void AnEmptyWeekHasNullRatesAndMediansNotZeroOrNaN()
    {
        var report = Build();

        Assert.Equal(0, report.Received);
        Assert.Null(report.ResponseRate);
        Assert.Null(report.ResolutionRate);
        Assert.Null(report.SatisfactionRate);
        Assert.Null(report.MedianFirstResponse);
        Assert.Null(report.MedianResolution);
        Assert.Empty(report.ResolutionMinutes);
    }

    [Fact]
    public void AWeekWithOnlyTicketsNotYetDueHasNullRates()
    {
        var report = Build(Registered("GD-1", Station, Cst.At(2026, 11, 22, 23)));

        Assert.Equal(1, report.Received);
        Assert.Null(report.ResponseRate);
        Assert.Null(report.ResolutionRate);
        Assert.Null(report.SatisfactionRate);
    }

    [Fact]
    public void ATicketCaughtMidMoveUnderTwoOwnersCountsOnceFromItsNewestRow()
    {
        var old = Registered("GD-1", Station, Cst.At(2026, 11, 17, 9));
        var moved = old.Escalated(SlaClock.FirstResponse, Community, Cst.At(2026, 11, 17, 11));

        var report = Build(old, moved);

        Assert.Equal(1, report.Received);
        Assert.Equal(1, report.Escalated);
        Assert.Equal(0, report.AwaitingResponseOverdue);
    }

    [Fact]
    public void AnAggregateMedianComesFromAllDurationsNotFromTheMediansOfItsParts()
    {
        var registered = Cst.At(2026, 11, 17, 9);
        var a = WeeklyReportBuilder.Build(Station, StationLevel.Compound, Week,
            new[] { 10, 20, 30 }.Select((m, i) => Registered($"GD-A{i}", Station, registered).Resolved(registered.AddMinutes(m))), CompiledAt);
        var b = WeeklyReportBuilder.Build(Other, StationLevel.Compound, Week,
            new[] { 100, 200 }.Select((m, i) => Registered($"GD-B{i}", Other, registered).Resolved(registered.AddMinutes(m))), CompiledAt);
        var own = WeeklyReportBuilder.Build(Community, StationLevel.Community, Week, [], CompiledAt);

        var aggregate = WeeklyReportBuilder.Aggregate(Community, StationLevel.Community, Week, [own, a, b], CompiledAt);

        Assert.Equal(TimeSpan.FromMinutes(20), a.MedianResolution);
        Assert.Equal(TimeSpan.FromMinutes(150), b.MedianResolution);
        Assert.Equal(TimeSpan.FromMinutes(30), aggregate.MedianResolution);
        Assert.Equal(5, aggregate.Resolved);
        Assert.Equal([10, 20, 30, 100, 200], aggregate.ResolutionMinutes);
        Assert.Equal(["community-1", "compound-a", "compound-b"], aggregate.Covers);
        Assert.Equal(WeeklyReportKind.Aggregate, aggregate.Kind);
    }

    [Fact]
    public void AnAggregateRateComesFromSummedNumeratorsAndDenominatorsNotFromAveragedRates()
    {
        var a = Build(Registered("GD-1", Station, Cst.At(2026, 11, 16, 9)).Resolved(Cst.At(2026, 11, 17, 9)));
        var b = WeeklyReportBuilder.Build(Other, StationLevel.Compound, Week,
        [
            Registered("GD-2", Other, Cst.At(2026, 11, 16, 9)).Resolved(Cst.At(2026, 11, 17, 9)),
            Registered("GD-3", Other, Cst.At(2026, 11, 9, 9)).Responded(Cst.At(2026, 11, 9, 10)),
            Registered("GD-4", Other, Cst.At(2026, 11, 9, 9)).Responded(Cst.At(2026, 11, 9, 10)),
        ], CompiledAt);

        var aggregate = WeeklyReportBuilder.Aggregate(Community, StationLevel.Community, Week, [a, b], CompiledAt);

        Assert.Equal(1.0, a.ResolutionRate);
        Assert.Equal(1.0 / 3, b.ResolutionRate);
        Assert.Equal(0.5, aggregate.ResolutionRate);
        Assert.Equal(2, aggregate.Overdue);
    }

    [Fact]
    public void AnAggregateRefusesToCountAStationTwiceOrToUseACopyWithoutDurations()
    {
        var a = Build(Registered("GD-1", Station, Cst.At(2026, 11, 16, 9)).Resolved(Cst.At(2026, 11, 17, 9)));

        Assert.Throws<ArgumentException>(() => WeeklyReportBuilder.Aggregate(Community, StationLevel.Community, Week, [a, a], CompiledAt));
        Assert.Throws<ArgumentException>(() => WeeklyReportBuilder.Aggregate(Community, StationLevel.Community, Week, [a.WithoutDurations()], CompiledAt));
        Assert.Throws<ArgumentException>(() => WeeklyReportBuilder.Aggregate(Community, StationLevel.Community, Week.AddDays(7), [a], CompiledAt));
    }

    [Fact]
    public void AReportWithMoreDurationsThanTheCapKeepsEvenlySpacedOnesThatStillAggregateToTheRightMedian()
    {
        var resolvedAt = Cst.At(2026, 11, 21, 12);
        const int count = WeeklyReportBuilder.MaxDurations * 5 / 2 + 1;
        var busy = Build([.. Enumerable.Range(1, count).Select(m => Registered($"GD-{m}", Station, resolvedAt.AddMinutes(-m)).Resolved(resolvedAt))]);
        var quiet = WeeklyReportBuilder.Build(Other, StationLevel.Compound, Week, [Registered("GD-0", Other, resolvedAt).Resolved(resolvedAt)], CompiledAt);

        var aggregate = WeeklyReportBuilder.Aggregate(Community, StationLevel.Community, Week, [busy, quiet], CompiledAt);

        Assert.Equal(count, busy.Resolved);
        Assert.Equal(WeeklyReportBuilder.MaxDurations, busy.ResolutionMinutes.Count);
        Assert.Equal(TimeSpan.FromMinutes((count + 1) / 2), busy.MedianResolution);
        // The exact median of 0, 1, …, count is count / 2; the thinned sample may miss it by a slice of the distribution.
        Assert.InRange(aggregate.MedianResolution!.Value.TotalMinutes, count / 2.0 - 3, count / 2.0 + 3);
        Assert.Equal(WeeklyReportBuilder.MaxDurations, aggregate.ResolutionMinutes.Count);
    }
}
