using GuoduActors.Dashboard.Analytics;

namespace GuoduActors.Tests.Dashboard;

/// <summary>The decline test on its own: weekly counts in, a verdict with its evidence out.</summary>
public sealed class SatisfactionDeclineDetectorTests
{
    private static readonly DateOnly LastWeek = new(2026, 11, 16);
    private readonly SatisfactionDeclineDetector _detector = new();

    /// <summary>Twelve weeks ending with <see cref="LastWeek"/>: eight of baseline, then four recent.</summary>
    private static IReadOnlyList<WeeklyRatings> Weeks((int Ratings, int Satisfied) baseline, (int Ratings, int Satisfied) recent) =>
        WeeklyRatings.WeeksEndingWith(LastWeek, 12)
            .Select((week, i) => i < 8 ? new WeeklyRatings(week, baseline.Ratings, baseline.Satisfied) : new WeeklyRatings(week, recent.Ratings, recent.Satisfied))
            .ToList();

    [Fact]
    public void ARealDropOnPlentyOfRatingsIsFlagged()
    {
        // 90 % of 80 ratings, then 60 % of 40: z ≈ −3.87.
        var result = _detector.Evaluate(Weeks((10, 9), (10, 6)), LastWeek);

        Assert.Equal(DeclineVerdict.Declining, result.Verdict);
        Assert.Equal((80, 72, 40, 24), (result.BaselineRatings, result.BaselineSatisfied, result.RecentRatings, result.RecentSatisfied));
        Assert.Equal(-3.873, result.Z!.Value, 3);
        Assert.True(result.PValue < 0.001);
        Assert.Equal(-0.30, result.Change!.Value, 10);
    }

    [Fact]
    public void ADramaticDropOnAHandfulOfRatingsIsNotFlaggedButReportedAsTooFewToJudge()
    {
        // Every baseline rating satisfied, every recent one not — but 8 and 4 ratings prove nothing.
        var result = _detector.Evaluate(Weeks((1, 1), (1, 0)), LastWeek);

        Assert.Equal(DeclineVerdict.TooFewRatings, result.Verdict);
        Assert.Null(result.PValue);
        Assert.Equal((8, 4), (result.BaselineRatings, result.RecentRatings));
    }

    [Fact]
    public void EnoughRecentRatingsAreNotEnoughWithoutABaseline()
    {
        var result = _detector.Evaluate(Weeks((2, 2), (10, 1)), LastWeek);

        Assert.Equal(DeclineVerdict.TooFewRatings, result.Verdict);
    }

    [Fact]
    public void ASmallDipWithinTheNoiseIsNotFlagged()
    {
        // 85 % of 80 (weeks of 9 and 8 of 10), then 80 % of 40: z ≈ −0.69, p ≈ 0.24.
        var weeks = Weeks((10, 8), (10, 8)).Select((w, i) => i < 8 && i % 2 == 0 ? w with { Satisfied = 9 } : w).ToList();

        var result = _detector.Evaluate(weeks, LastWeek);

        Assert.Equal(DeclineVerdict.NoSignificantDecline, result.Verdict);
        Assert.Equal((80, 68, 40, 32), (result.BaselineRatings, result.BaselineSatisfied, result.RecentRatings, result.RecentSatisfied));
        Assert.InRange(result.PValue!.Value, 0.2, 0.3);
    }

    [Fact]
    public void StationsWhoseSatisfactionDoesNotChangeAreRarelyFlaggedByChance()
    {
        // 400 simulated stations rated at a steady 85 %, ten ratings a week: at the 1 % level about four may be flagged.
        var random = new Random(20261128);
        var flagged = 0;
        for (var station = 0; station < 400; station++)
        {
            var weeks = WeeklyRatings.WeeksEndingWith(LastWeek, 12)
                .Select(w => new WeeklyRatings(w, 10, Enumerable.Range(0, 10).Count(_ => random.NextDouble() < 0.85)))
                .ToList();
            if (_detector.Evaluate(weeks, LastWeek).IsDeclining)
                flagged++;
        }

        Assert.InRange(flagged, 0, 10);
    }

    [Fact]
    public void AnImprovementIsNeverFlagged()
    {
        var result = _detector.Evaluate(Weeks((10, 5), (10, 10)), LastWeek);

        Assert.Equal(DeclineVerdict.NoSignificantDecline, result.Verdict);
        Assert.True(result.Z > 0);
    }

    [Fact]
    public void EveryRatingSatisfiedInBothWindowsIsNoDecline()
    {
        var result = _detector.Evaluate(Weeks((10, 10), (10, 10)), LastWeek);

        Assert.Equal(DeclineVerdict.NoSignificantDecline, result.Verdict);
        Assert.Equal(0, result.Z);
    }

    [Fact]
    public void TheWeekInProgressAndWeeksBeforeTheBaselineAreLeftOut()
    {
        var weeks = Weeks((10, 9), (10, 9)).ToList();
        // A terrible week still in progress, and a terrible one long before the baseline.
        weeks.Add(new WeeklyRatings(LastWeek.AddDays(7), 100, 0));
        weeks.Add(new WeeklyRatings(LastWeek.AddDays(-7 * 12), 100, 100));

        var result = _detector.Evaluate(weeks, LastWeek);

        Assert.Equal((80, 40), (result.BaselineRatings, result.RecentRatings));
        Assert.Equal(DeclineVerdict.NoSignificantDecline, result.Verdict);
    }

    [Fact]
    public void TheStatedLevelDecidesABorderlineDrop()
    {
        // 85 % of 80, then 70 % of 40: z ≈ −1.95, p ≈ 0.026 — significant at 5 %, not at 1 %.
        var weeks = Weeks((10, 8), (10, 7)).Select((w, i) => i < 8 && i % 2 == 0 ? w with { Satisfied = 9 } : w).ToList();

        var atOnePercent = _detector.Evaluate(weeks, LastWeek);
        var atFivePercent = new SatisfactionDeclineDetector(new DeclineTestOptions { Alpha = 0.05 }).Evaluate(weeks, LastWeek);

        Assert.InRange(atOnePercent.PValue!.Value, 0.01, 0.05);
        Assert.Equal(DeclineVerdict.NoSignificantDecline, atOnePercent.Verdict);
        Assert.Equal(DeclineVerdict.Declining, atFivePercent.Verdict);
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(-1.959964, 0.025)]
    [InlineData(-2.326348, 0.01)]
    [InlineData(1.644854, 0.95)]
    public void TheNormalDistributionFunctionMatchesItsTables(double z, double p) =>
        Assert.Equal(p, SatisfactionDeclineDetector.NormalCdf(z), 6);

    [Fact]
    public void RatingsCountInTheChinaStandardTimeWeekTheyWereGivenIn()
    {
        var weeks = WeeklyRatings.WeeksEndingWith(LastWeek, 2);
        var sundayNight = new DateTimeOffset(2026, 11, 22, 23, 59, 0, TimeSpan.FromHours(8));
        // Monday 00:30 in Guodu is still Sunday in UTC.
        var mondayMorning = new DateTimeOffset(2026, 11, 16, 0, 30, 0, TimeSpan.FromHours(8)).ToUniversalTime();
        var beforeTheWeeks = new DateTimeOffset(2026, 11, 8, 23, 0, 0, TimeSpan.FromHours(8));

        var counted = WeeklyRatings.Count(
            [
                new RatedTicket("a", "fenglin", null, 5, sundayNight, ""),
                new RatedTicket("b", "fenglin", null, 2, mondayMorning, ""),
                new RatedTicket("c", "fenglin", null, 5, beforeTheWeeks, ""),
            ],
            weeks);

        Assert.Equal([new WeeklyRatings(new DateOnly(2026, 11, 9), 0, 0), new WeeklyRatings(LastWeek, 2, 1)], counted);
        Assert.Null(counted[0].Rate);
        Assert.Equal(0.5, counted[1].Rate);
    }
}
