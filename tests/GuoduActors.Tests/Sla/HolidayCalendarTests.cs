using GuoduActors.Grains.Sla;
using static GuoduActors.Tests.Sla.SlaTestData;

namespace GuoduActors.Tests.Sla;

public sealed class HolidayCalendarTests
{
    private const string Valid = """
        {
          "year": 2026,
          "source": "国务院办公厅关于2026年部分节假日安排的通知",
          "holidays": [
            { "nameZh": "元旦", "nameEn": "New Year's Day", "from": "2026-01-01", "to": "2026-01-03" },
            { "nameZh": "春节", "nameEn": "Spring Festival", "from": "2026-02-15", "to": "2026-02-23" }
          ],
          "makeUpWorkdays": [
            { "date": "2026-01-04", "holiday": "元旦" },
            { "date": "2026-02-14", "holiday": "春节" }
          ]
        }
        """;

    [Theory]
    [InlineData("2026-02-16", false, "春节")]  // Monday inside the Spring Festival break
    [InlineData("2026-02-14", true, null)]     // Saturday made a working day (调休上班)
    [InlineData("2026-02-28", true, null)]
    [InlineData("2026-01-03", false, "元旦")]  // Saturday inside the New Year break
    [InlineData("2026-01-04", true, null)]     // Sunday made a working day
    [InlineData("2026-05-09", true, null)]
    [InlineData("2026-09-20", true, null)]
    [InlineData("2026-10-07", false, "国庆节")]
    [InlineData("2026-10-08", true, null)]     // 2026's National Day break ends on the 7th
    [InlineData("2026-10-10", true, null)]
    [InlineData("2026-03-02", true, null)]     // an ordinary Monday
    [InlineData("2026-03-07", false, null)]    // an ordinary Saturday
    [InlineData("2025-10-08", false, "国庆节、中秋节")]  // 2025's joint break ran to the 8th
    [InlineData("2025-10-11", true, null)]
    [InlineData("2025-01-26", true, null)]
    [InlineData("2025-02-04", false, "春节")]
    [InlineData("2025-04-27", true, null)]
    [InlineData("2024-06-10", false, "端午节")]
    [InlineData("2024-02-18", true, null)]
    [InlineData("2024-04-07", true, null)]
    [InlineData("2024-10-12", true, null)]
    public void TheShippedCalendarKnowsTheOfficialArrangement(string date, bool working, string? holiday)
    {
        var day = Date(date);

        Assert.Equal(working, Holidays.IsWorkingDay(day));
        Assert.Equal(holiday, Holidays.HolidayName(day));
        Assert.Equal(holiday is not null, Holidays.IsHoliday(day));
        Assert.Equal(working && day.DayOfWeek is (DayOfWeek.Saturday or DayOfWeek.Sunday), Holidays.IsMakeUpWorkday(day));
    }

    [Fact]
    public void TheShippedCalendarCoversTheYearsWhoseNoticesArePublished()
    {
        Assert.Equal([2024, 2025, 2026], Holidays.Years.Select(y => y.Year));
        Assert.True(Holidays.Covers(2026));
        Assert.False(Holidays.Covers(2027));
        Assert.All(Holidays.Years, y => Assert.StartsWith("国务院办公厅关于", y.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void AYearWithoutAFileCountsOnlyWeekendsAsDaysOff()
    {
        // 2027's Spring Festival falls on 6 February; without the notice the Monday after is an ordinary working day.
        Assert.True(Holidays.IsWorkingDay(Date("2027-02-08")));
        Assert.False(Holidays.IsWorkingDay(Date("2027-02-06")));
        Assert.Null(Holidays.HolidayName(Date("2027-02-08")));
    }

    [Fact]
    public void EveryShippedYearPutsTheLunarFestivalsInsideTheirBreaks()
    {
        foreach (var year in Holidays.Years.Select(y => y.Year))
        {
            Assert.Contains("春节", Holidays.HolidayName(ChineseHolidays.SpringFestival(year)));
            Assert.Contains("端午节", Holidays.HolidayName(ChineseHolidays.DragonBoat(year)));
            Assert.Contains("中秋节", Holidays.HolidayName(ChineseHolidays.MidAutumn(year)));
        }
    }

    [Theory]
    [InlineData("2023-01-22", "2023-06-22", "2023-09-29")]  // leap second month: later months shift by one
    [InlineData("2024-02-10", "2024-06-10", "2024-09-17")]
    [InlineData("2025-01-29", "2025-05-31", "2025-10-06")]  // leap sixth month
    [InlineData("2026-02-17", "2026-06-19", "2026-09-25")]
    [InlineData("2027-02-06", "2027-06-09", "2027-09-15")]
    public void LunarFestivalsFallOnTheirKnownDates(string springFestival, string dragonBoat, string midAutumn)
    {
        var year = Date(springFestival).Year;

        Assert.Equal(Date(springFestival), ChineseHolidays.SpringFestival(year));
        Assert.Equal(Date(springFestival).AddDays(-1), ChineseHolidays.LunarNewYearsEve(year));
        Assert.Equal(Date(dragonBoat), ChineseHolidays.DragonBoat(year));
        Assert.Equal(Date(midAutumn), ChineseHolidays.MidAutumn(year));
    }

    [Theory]
    [InlineData("{ \"date\": \"2026-01-04\"", "{ \"date\": \"2026-01-02\"", "2026-01-02 is both a holiday ('元旦') and a make-up working day")]
    [InlineData("{ \"date\": \"2026-01-04\"", "{ \"date\": \"2026-01-05\"", "make-up working day 2026-01-05 is a Monday")]
    [InlineData("{ \"date\": \"2026-02-14\"", "{ \"date\": \"2026-01-04\"", "make-up working day 2026-01-04 is listed twice")]
    [InlineData("\"holiday\": \"春节\"", "\"holiday\": \"新年\"", "make-up working day 2026-02-14 names an unknown holiday '新年'")]
    [InlineData("\"from\": \"2026-02-15\"", "\"from\": \"2026-01-03\"", "2026-01-03 is in both '元旦' and '春节'")]
    [InlineData("\"to\": \"2026-02-23\"", "\"to\": \"2026-02-13\"", "holiday '春节' needs 'from' and 'to' dates with from ≤ to")]
    [InlineData("\"from\": \"2026-01-01\"", "\"from\": \"2025-12-31\"", "holiday '元旦' (2025-12-31–2026-01-03) is not inside 2026")]
    [InlineData("\"source\": \"国务院办公厅关于2026年部分节假日安排的通知\",", "", "needs a 'source'")]
    [InlineData("\"from\": \"2026-01-01\"", "\"from\": \"2026-13-01\"", "is not valid JSON at $.holidays[0].from")]
    public void AnInvalidHolidayFileIsRefusedWithAMessageNamingTheEntry(string find, string replace, string expected)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        var at = Valid.IndexOf(find, StringComparison.Ordinal);
        var json = string.Concat(Valid.AsSpan(0, at), replace, Valid.AsSpan(at + find.Length));

        var error = Assert.Throws<HolidayCalendarException>(() => HolidayCalendar.ParseYear(json, "cn-2026.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("'cn-2026.json'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoFilesForTheSameYearAreRefused()
    {
        var year = HolidayCalendar.ParseYear(Valid, "cn-2026.json");

        var error = Assert.Throws<HolidayCalendarException>(() => new HolidayCalendar([year, year with { Source = "copy.json" }]));

        Assert.Contains("both describe 2026", error.Message, StringComparison.Ordinal);
    }
}
