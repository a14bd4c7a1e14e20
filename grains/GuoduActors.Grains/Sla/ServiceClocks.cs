using GuoduActors.Sla;

namespace GuoduActors.Grains.Sla;

/// <summary>
/// A clock that service-level targets run on. All instants are UTC <see cref="DateTimeOffset"/>s in and out.
/// A paused target is carried over with the pair: on pause <c>remaining = Between(now, due)</c>; on resume
/// <c>due = Add(now, remaining)</c>.
/// </summary>
public interface IServiceClock
{
    ClockKind Kind { get; }

    /// <summary>
    /// The instant at which <paramref name="workingDuration"/> of this clock's time has elapsed after
    /// <paramref name="start"/> (the deadline). A negative duration counts back, so an overdue remainder stays overdue.
    /// </summary>
    DateTimeOffset Add(DateTimeOffset start, TimeSpan workingDuration);

    /// <summary>This clock's time elapsed from <paramref name="from"/> to <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    TimeSpan Between(DateTimeOffset from, DateTimeOffset to);

    /// <summary>
    /// The working time a target stated in calendar terms amounts to on this clock. Targets are written as people say
    /// them ("7 days", "24 hours"); on the business clock each whole day of a target is one working day.
    /// </summary>
    TimeSpan WorkingTimeFor(TimeSpan target);
}

/// <summary>Time around the clock, every day.</summary>
public sealed class CalendarClock : IServiceClock
{
    public static readonly CalendarClock Instance = new();

    private CalendarClock()
    {
    }

    public ClockKind Kind => ClockKind.Calendar;

    public DateTimeOffset Add(DateTimeOffset start, TimeSpan workingDuration) => (start + workingDuration).ToUniversalTime();

    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to) => to - from;

    public TimeSpan WorkingTimeFor(TimeSpan target) => target;
}

/// <summary>
/// Office hours in China Standard Time on working days (Monday to Friday except public holidays, plus make-up
/// working days). Walks whole working windows, so a 15-working-day target costs about three weeks of steps.
/// </summary>
public sealed class BusinessHoursClock : IServiceClock
{
    private readonly HolidayCalendar _holidays;
    private readonly WorkingWindow[] _hours;
    private readonly TimeZoneInfo _zone;

    /// <param name="holidays">Decides which days are working days.</param>
    /// <param name="hours">Ordered, non-overlapping windows of a working day.</param>
    /// <param name="zone">Defaults to China Standard Time.</param>
    public BusinessHoursClock(HolidayCalendar holidays, IReadOnlyList<WorkingWindow> hours, TimeZoneInfo? zone = null)
    {
        if (hours.Count == 0)
            throw new ArgumentException("A business clock needs at least one working window.", nameof(hours));
        for (var i = 0; i < hours.Count; i++)
        {
            if (hours[i].End <= hours[i].Start || (i > 0 && hours[i].Start < hours[i - 1].End))
                throw new ArgumentException("Working windows must be ordered, each ending after it starts, without overlaps.", nameof(hours));
        }
        _holidays = holidays;
        _hours = [.. hours];
        _zone = zone ?? TicketIds.ChinaStandardTime;
        WorkingDayLength = TimeSpan.FromTicks(_hours.Sum(w => w.Length.Ticks));
    }

    public ClockKind Kind => ClockKind.Business;

    public IReadOnlyList<WorkingWindow> Hours => _hours;

    /// <summary>The working time of one full working day.</summary>
    public TimeSpan WorkingDayLength { get; }

    public TimeSpan WorkingTimeFor(TimeSpan target) => WorkingDayLength * target.Days + (target - TimeSpan.FromDays(target.Days));

    public DateTimeOffset Add(DateTimeOffset start, TimeSpan workingDuration)
    {
        if (workingDuration == TimeSpan.Zero)
            return start.ToUniversalTime();
        if (workingDuration < TimeSpan.Zero)
            return Subtract(start, -workingDuration);

        var local = ToLocal(start);
        var remaining = workingDuration;
        for (var day = DateOnly.FromDateTime(local); ; day = day.AddDays(1))
        {
            if (!_holidays.IsWorkingDay(day))
                continue;
            foreach (var window in _hours)
            {
                var begin = Max(day.ToDateTime(window.Start), local);
                var end = day.ToDateTime(window.End);
                if (begin >= end)
                    continue;
                if (remaining <= end - begin)
                    return ToUtc(begin + remaining);
                remaining -= end - begin;
            }
        }
    }

    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
            return -Between(to, from);

        var a = ToLocal(from);
        var b = ToLocal(to);
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(a); day <= DateOnly.FromDateTime(b); day = day.AddDays(1))
        {
            if (!_holidays.IsWorkingDay(day))
                continue;
            foreach (var window in _hours)
            {
                var overlap = Min(day.ToDateTime(window.End), b) - Max(day.ToDateTime(window.Start), a);
                if (overlap > TimeSpan.Zero)
                    total += overlap;
            }
        }
        return total;
    }

    private DateTimeOffset Subtract(DateTimeOffset start, TimeSpan workingDuration)
    {
        var local = ToLocal(start);
        var remaining = workingDuration;
        for (var day = DateOnly.FromDateTime(local); ; day = day.AddDays(-1))
        {
            if (!_holidays.IsWorkingDay(day))
                continue;
            for (var i = _hours.Length - 1; i >= 0; i--)
            {
                var begin = day.ToDateTime(_hours[i].Start);
                var end = Min(day.ToDateTime(_hours[i].End), local);
                if (end <= begin)
                    continue;
                if (remaining <= end - begin)
                    return ToUtc(end - remaining);
                remaining -= end - begin;
            }
        }
    }

    private DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone).DateTime;

    // China has had no daylight saving since 1991, so every local time maps to exactly one instant.
    private DateTimeOffset ToUtc(DateTime local) => new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
