namespace GuoduActors.Grains.Sla;

/// <summary>
/// An approximate holiday arrangement for a year without an official <c>cn-YYYY.json</c>: for forecasting years
/// long past or not yet announced, never for SLA deadlines (which warn instead). Holidays are placed by rule —
/// 元旦 1 January; 春节 from New Year's Eve, 8 days from 2025 (the 2024 revision) and 7 before; 清明 on the solar
/// term (4 or 5 April); 劳动节 1–5 May; 端午 and 中秋 on their lunar dates, one day each; 国庆 1–7 October, with
/// 中秋 joined to it (to 8 October) when it falls inside. What a rule cannot know: the exact bridging of the
/// one-day festivals to weekends, and the make-up working days (调休上班), of which an approximated year has none.
/// </summary>
public static class HolidayApproximation
{
    public static HolidayYear Year(int year)
    {
        var springFrom = ChineseHolidays.LunarNewYearsEve(year);
        var midAutumn = ChineseHolidays.MidAutumn(year);
        var nationalDay = new DateOnly(year, 10, 1);
        var midAutumnInNationalDay = midAutumn >= nationalDay && midAutumn <= nationalDay.AddDays(6);
        List<PublicHoliday> holidays =
        [
            new("元旦", "New Year's Day", new DateOnly(year, 1, 1), new DateOnly(year, 1, 1)),
            // A Spring Festival eve in the previous Gregorian year would leave this year; years 1901–2100 have none.
            new("春节", "Spring Festival", springFrom, springFrom.AddDays(year >= 2025 ? 7 : 6)),
            new("清明节", "Qingming Festival", Qingming(year), Qingming(year)),
            new("劳动节", "Labour Day", new DateOnly(year, 5, 1), new DateOnly(year, 5, 5)),
            new("端午节", "Dragon Boat Festival", ChineseHolidays.DragonBoat(year), ChineseHolidays.DragonBoat(year)),
        ];
        if (midAutumnInNationalDay)
            holidays.Add(new("国庆节、中秋节", "National Day and Mid-Autumn Festival", nationalDay, nationalDay.AddDays(7)));
        else
        {
            holidays.Add(new("中秋节", "Mid-Autumn Festival", midAutumn, midAutumn));
            holidays.Add(new("国庆节", "National Day", nationalDay, nationalDay.AddDays(6)));
        }
        return new HolidayYear(year, $"approximation by rule for {year} (no official notice loaded)", holidays, []);
    }

    /// <summary>The day of the Qingming solar term: the usual 20th/21st-century formula ⌊Y·0.2422 + C⌋ − ⌊Y/4⌋ with Y the year in its century.</summary>
    public static DateOnly Qingming(int year)
    {
        var y = year % 100;
        var c = year >= 2001 ? 4.81 : 5.59;
        // 2000 ends the 20th century: its Y is 100 with that century's constant.
        if (year == 2000)
            (y, c) = (100, 5.59);
        return new DateOnly(year, 4, (int)Math.Floor(y * 0.2422 + c) - y / 4);
    }
}
