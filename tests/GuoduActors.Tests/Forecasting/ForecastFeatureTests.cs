using GuoduActors.Dashboard.Forecasting;

namespace GuoduActors.Tests.Forecasting;

public sealed class ForecastFeatureTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);

    private static float Feature(float[] features, string name) => features[ForecastFeatures.Names.ToList().IndexOf(name)];

    private static float[] Features(DailySeriesSet set, IForecastCalendar calendar, int origin, int horizon)
    {
        var frame = new FeatureFrame(set, calendar, horizon);
        var features = new float[ForecastFeatures.Count];
        frame.Fill(0, origin, horizon, features);
        return features;
    }

    [Fact]
    public void LagsAndSameWeekdayValuesAreReadFromTheDaysBeforeTheOrigin()
    {
        // Each day's count is its day number, so every feature names the day it read.
        var set = ForecastTestData.Set(Start, ("days", [.. Enumerable.Range(0, 200).Select(d => (float)d)]));

        var f = Features(set, Calendar.None, origin: 100, horizon: 3);

        var level = (72 + 99) / 2f + ForecastFeatures.LevelFloor;   // mean of days 72..99
        Assert.Equal(MathF.Log(level), Feature(f, "LogLevel"), 4);
        Assert.Equal(99 / level, Feature(f, "Lag1"), 4);
        Assert.Equal(93 / level, Feature(f, "Lag7"), 4);
        Assert.Equal(86 / level, Feature(f, "Lag14"), 4);
        Assert.Equal(72 / level, Feature(f, "Lag28"), 4);
        // Target day 102; the same weekday last seen on day 95, then 88, 81, 74.
        Assert.Equal(95 / level, Feature(f, "SameWeekday1"), 4);
        Assert.Equal(74 / level, Feature(f, "SameWeekday4"), 4);
        Assert.Equal((95 + 88 + 81 + 74) / 4f / level, Feature(f, "SameWeekdayMean4"), 4);
        Assert.Equal(3, Feature(f, "Horizon"));
        Assert.True(float.IsNaN(Feature(f, "Mean364")));   // not a year of history yet
    }

    [Fact]
    public void HolidayAndMakeUpWorkdayFeaturesFollowTheChineseCalendar()
    {
        var set = ForecastTestData.Set(new DateOnly(2024, 12, 1), ("a", new float[56]));
        var origin = set.DayIndex(new DateOnly(2025, 1, 20));

        var makeUpSunday = Features(set, ForecastTestData.China, origin, horizon: 7);       // 26 January 2025
        var springFestival = Features(set, ForecastTestData.China, origin, horizon: 10);    // 29 January 2025

        Assert.Equal(6, Feature(makeUpSunday, "Weekday"));
        Assert.Equal(1, Feature(makeUpSunday, "IsMakeUpWorkday"));
        Assert.Equal(1, Feature(makeUpSunday, "IsWorkingDay"));
        Assert.Equal(2, Feature(makeUpSunday, "DaysToHoliday"));
        Assert.Equal(1, Feature(springFestival, "IsHoliday"));
        Assert.Equal(2, Feature(springFestival, "HolidayCode"));
        Assert.Equal(1, Feature(springFestival, "HolidayRunDay"));
        Assert.Equal(0, Feature(springFestival, "IsWorkingDay"));
    }

    [Fact]
    public void ChangingCountsOnOrAfterTheOriginChangesNoFeature()
    {
        var set = ForecastTestData.Synthetic(Start, 800);
        var origin = set.Start.AddDays(700);
        var changed = ForecastTestData.WithFutureChanged(set, origin, 999);

        for (var h = 1; h <= 56; h++)
        {
            Assert.Equal(Features(set, ForecastTestData.China, 700, h), Features(changed, ForecastTestData.China, 700, h));
        }
        Assert.NotEqual(set[0, 700], changed[0, 700]);
    }

    [Fact]
    public void AFeatureThatWouldReadTheOriginDayIsRefused()
    {
        var set = ForecastTestData.Synthetic(Start, 100);
        var frame = new FeatureFrame(set, Calendar.None, 28);

        Assert.Throws<ArgumentOutOfRangeException>(() => frame.Fill(0, 101, 1, new float[ForecastFeatures.Count]));
    }

    private static class Calendar
    {
        public static readonly IForecastCalendar None = WeekdayOnlyCalendar.Instance;
    }
}
