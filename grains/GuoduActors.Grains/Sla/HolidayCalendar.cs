using System.Text.Json;

namespace GuoduActors.Grains.Sla;

/// <summary>A holiday calendar file that cannot be used; the message names the file and the offending entry.</summary>
public sealed class HolidayCalendarException(string message) : Exception(message);

/// <summary>A public-holiday break as the State Council's notice announces it, weekend days inside it included.</summary>
public sealed record PublicHoliday(string NameZh, string NameEn, DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly date) => From <= date && date <= To;
}

/// <summary>A weekend day declared a working day (调休上班) to make up for a holiday break.</summary>
public sealed record MakeUpWorkday(DateOnly Date, string Holiday);

/// <summary>One year's validated holiday arrangement (one <c>cn-YYYY.json</c> file).</summary>
public sealed record HolidayYear(int Year, string Source, IReadOnlyList<PublicHoliday> Holidays, IReadOnlyList<MakeUpWorkday> MakeUpWorkdays);

/// <summary>
/// Mainland China's working days: Monday to Friday, except public holidays, plus the make-up working days.
/// The arrangement is published each year (usually in November for the next year), so it is data: one file per year.
/// A year without a file falls back to plain Monday–Friday; callers check <see cref="Covers"/> to warn about it.
/// </summary>
public sealed class HolidayCalendar
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<DateOnly, PublicHoliday> _holidays = [];
    private readonly HashSet<DateOnly> _makeUpDays = [];

    /// <summary>Combines validated years; refuses a year given twice.</summary>
    public HolidayCalendar(IEnumerable<HolidayYear> years)
    {
        var sorted = new SortedDictionary<int, HolidayYear>();
        foreach (var year in years)
        {
            if (!sorted.TryAdd(year.Year, year))
                throw new HolidayCalendarException($"Holiday calendars '{sorted[year.Year].Source}' and '{year.Source}' both describe {year.Year}.");
            foreach (var holiday in year.Holidays)
            {
                for (var day = holiday.From; day <= holiday.To; day = day.AddDays(1))
                    _holidays[day] = holiday;
            }
            _makeUpDays.UnionWith(year.MakeUpWorkdays.Select(m => m.Date));
        }
        Years = [.. sorted.Values];
    }

    /// <summary>The years this calendar has data for, in order.</summary>
    public IReadOnlyList<HolidayYear> Years { get; }

    /// <summary>Whether the official arrangement for <paramref name="year"/> is loaded; if not, holidays in it are not known.</summary>
    public bool Covers(int year) => Years.Any(y => y.Year == year);

    public bool IsHoliday(DateOnly date) => _holidays.ContainsKey(date);

    public bool IsMakeUpWorkday(DateOnly date) => _makeUpDays.Contains(date);

    public bool IsWorkingDay(DateOnly date) =>
        _makeUpDays.Contains(date) || (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.ContainsKey(date));

    /// <summary>The holiday break <paramref name="date"/> falls in, or <c>null</c>.</summary>
    public PublicHoliday? HolidayOn(DateOnly date) => _holidays.GetValueOrDefault(date);

    /// <summary>The Chinese name of the holiday on <paramref name="date"/> (e.g. 春节), or <c>null</c>.</summary>
    public string? HolidayName(DateOnly date) => HolidayOn(date)?.NameZh;

    /// <summary>Loads every <c>cn-YYYY.json</c> in <paramref name="directory"/>.</summary>
    public static HolidayCalendar Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw new HolidayCalendarException($"Holiday calendar directory '{directory}' does not exist.");
        return new HolidayCalendar(Directory.EnumerateFiles(directory, "cn-*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => ParseYear(File.ReadAllText(path), path)));
    }

    /// <summary>Reads and validates one year's file.</summary>
    public static HolidayYear ParseYear(string json, string source)
    {
        YearDocument document;
        try
        {
            document = JsonSerializer.Deserialize<YearDocument>(json, Json)
                ?? throw new HolidayCalendarException($"Holiday calendar '{source}' is empty.");
        }
        catch (JsonException e)
        {
            throw new HolidayCalendarException($"Holiday calendar '{source}' is not valid JSON at {e.Path} (line {e.LineNumber + 1}): {e.Message}");
        }
        return Validate(document, source);
    }

    private static HolidayYear Validate(YearDocument document, string source)
    {
        // ChineseLunisolarCalendar's range; beyond it nobody can check the lunar holidays either.
        if (document.Year is not (>= 1901 and <= 2100))
            throw new HolidayCalendarException($"Holiday calendar '{source}' needs a 'year' between 1901 and 2100.");
        var year = document.Year.Value;
        if (string.IsNullOrWhiteSpace(document.Source))
            throw new HolidayCalendarException($"Holiday calendar '{source}' needs a 'source' naming the State Council notice it follows.");

        var holidays = new List<PublicHoliday>();
        var byDate = new Dictionary<DateOnly, PublicHoliday>();
        foreach (var h in document.Holidays ?? [])
        {
            if (string.IsNullOrWhiteSpace(h.NameZh) || string.IsNullOrWhiteSpace(h.NameEn))
                throw new HolidayCalendarException($"Holiday calendar '{source}': a holiday from {h.From} needs both nameZh and nameEn.");
            if (h.From is not { } from || h.To is not { } to || from > to)
                throw new HolidayCalendarException($"Holiday calendar '{source}': holiday '{h.NameZh}' needs 'from' and 'to' dates with from ≤ to.");
            if (from.Year != year || to.Year != year)
                throw new HolidayCalendarException($"Holiday calendar '{source}': holiday '{h.NameZh}' ({from:yyyy-MM-dd}–{to:yyyy-MM-dd}) is not inside {year}.");
            var holiday = new PublicHoliday(h.NameZh, h.NameEn, from, to);
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                if (!byDate.TryAdd(day, holiday))
                    throw new HolidayCalendarException($"Holiday calendar '{source}': {day:yyyy-MM-dd} is in both '{byDate[day].NameZh}' and '{h.NameZh}'.");
            }
            holidays.Add(holiday);
        }

        var makeUps = new List<MakeUpWorkday>();
        foreach (var m in document.MakeUpWorkdays ?? [])
        {
            if (m.Date is not { } date || date.Year != year)
                throw new HolidayCalendarException($"Holiday calendar '{source}': a make-up working day for '{m.Holiday}' needs a 'date' inside {year}.");
            if (byDate.TryGetValue(date, out var clash))
                throw new HolidayCalendarException($"Holiday calendar '{source}': {date:yyyy-MM-dd} is both a holiday ('{clash.NameZh}') and a make-up working day.");
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                throw new HolidayCalendarException($"Holiday calendar '{source}': make-up working day {date:yyyy-MM-dd} is a {date.DayOfWeek}; only a Saturday or Sunday can be made a working day.");
            if (makeUps.Any(x => x.Date == date))
                throw new HolidayCalendarException($"Holiday calendar '{source}': make-up working day {date:yyyy-MM-dd} is listed twice.");
            if (!holidays.Any(h => h.NameZh == m.Holiday))
                throw new HolidayCalendarException($"Holiday calendar '{source}': make-up working day {date:yyyy-MM-dd} names an unknown holiday '{m.Holiday}'.");
            makeUps.Add(new MakeUpWorkday(date, m.Holiday!));
        }

        return new HolidayYear(year, document.Source, holidays, makeUps);
    }

    private sealed record YearDocument(int? Year, string? Source, List<HolidayEntry>? Holidays, List<MakeUpEntry>? MakeUpWorkdays);
    private sealed record HolidayEntry(string? NameZh, string? NameEn, DateOnly? From, DateOnly? To);
    private sealed record MakeUpEntry(DateOnly? Date, string? Holiday);
}
