using GuoduActors.Dashboard.Forecasting;
using GuoduActors.Grains.Sla;

namespace GuoduActors.Tests.Forecasting;

public sealed class ForecastCalendarTests
{
    [Fact]
    public void SpringFestival2025ComesFromTheOfficialFileWithItsMakeUpWorkingDays()
    {
        var calendar = ForecastTestData.China;

        Assert.True(calendar.IsOfficial(2025));
        Assert.Equal(new CalendarDay(true, false, 2), calendar.Describe(new DateOnly(2025, 1, 29)));
        // Sunday 26 January 2025 was worked to make up for the break.
        var makeUp = calendar.Describe(new DateOnly(2025, 1, 26));
        Assert.True(makeUp.IsMakeUpWorkday);
        Assert.True(makeUp.IsWorkingDay(new DateOnly(2025, 1, 26)));
        Assert.False(calendar.Describe(new DateOnly(2025, 1, 25)).IsWorkingDay(new DateOnly(2025, 1, 25)));
    }

    [Fact]
    public void AYearWithoutAFilePlacesSpringFestivalByTheLunarCalendar()
    {
        var calendar = ForecastTestData.China;

        Assert.False(calendar.IsOfficial(2023));
        // Lunar New Year 2023 fell on 22 January: the approximated break runs from the eve (21st) for 7 days.
        Assert.Equal(new DateOnly(2023, 1, 22), ChineseHolidays.SpringFestival(2023));
        Assert.False(calendar.Describe(new DateOnly(2023, 1, 20)).IsHoliday);
        Assert.All(Enumerable.Range(0, 7), d => Assert.Equal(2, calendar.Describe(new DateOnly(2023, 1, 21).AddDays(d)).HolidayCode));
        Assert.False(calendar.Describe(new DateOnly(2023, 1, 28)).IsHoliday);
        // The approximation knows no make-up working days.
        Assert.False(calendar.Describe(new DateOnly(2023, 1, 28)).IsMakeUpWorkday);
    }

    [Theory]
    [InlineData(2018, 5)]
    [InlineData(2019, 5)]
    [InlineData(2020, 4)]
    [InlineData(2023, 5)]
    [InlineData(2024, 4)]
    [InlineData(2025, 4)]
    public void QingmingFallsOnTheSolarTermDay(int year, int day) =>
        Assert.Equal(new DateOnly(year, 4, day), HolidayApproximation.Qingming(year));

    [Fact]
    public void MidAutumnInsideNationalDayWeekJoinsItsBreak()
    {
        // 2028's Mid-Autumn Festival is on 3 October.
        var year = HolidayApproximation.Year(2028);

        var joined = Assert.Single(year.Holidays, h => h.NameZh == "国庆节、中秋节");
        Assert.Equal((new DateOnly(2028, 10, 1), new DateOnly(2028, 10, 8)), (joined.From, joined.To));
        Assert.DoesNotContain(year.Holidays, h => h.NameZh == "中秋节");
    }

    [Fact]
    public void UsFederalHolidaysAreObservedOnTheNearestWeekday()
    {
        var us = UsFederalHolidayCalendar.Instance;

        Assert.True(us.Describe(new DateOnly(2023, 11, 23)).IsHoliday);   // Thanksgiving, 4th Thursday
        Assert.True(us.Describe(new DateOnly(2021, 12, 24)).IsHoliday);   // Christmas on a Saturday → Friday
        Assert.True(us.Describe(new DateOnly(2023, 1, 2)).IsHoliday);     // New Year's Day on a Sunday → Monday
        Assert.False(us.Describe(new DateOnly(2020, 6, 19)).IsHoliday);   // Juneteenth only from 2021
        Assert.False(us.Describe(new DateOnly(2023, 11, 24)).IsHoliday);
    }
}
