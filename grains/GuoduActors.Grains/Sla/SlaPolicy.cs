using GuoduActors.Sla;

namespace GuoduActors.Grains.Sla;

/// <summary>
/// Turns a ticket's category and start into deadlines: the category picks the priority class and the clock, the
/// class gives the targets. Stateless and thread-safe; one instance serves every grain of the silo.
/// </summary>
public sealed class SlaPolicy
{
    private readonly BusinessHoursClock _business;

    public SlaPolicy(Catalogue catalogue, HolidayCalendar holidays)
    {
        Catalogue = catalogue;
        Holidays = holidays;
        _business = new BusinessHoursClock(holidays, catalogue.BusinessHours);
    }

    public Catalogue Catalogue { get; }

    public HolidayCalendar Holidays { get; }

    public IServiceClock Clock(ClockKind kind) => kind switch
    {
        ClockKind.Calendar => CalendarClock.Instance,
        ClockKind.Business => _business,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown clock kind."),
    };

    /// <summary>
    /// Deadlines for a ticket of <paramref name="categoryCode"/> starting at <paramref name="start"/>; a missing or
    /// unknown code gets the catalogue's fallback category (the result names the category used).
    /// </summary>
    public SlaDeadlines Compute(string? categoryCode, DateTimeOffset start)
    {
        var category = Catalogue.Resolve(categoryCode);
        return Compute(category, Catalogue.PriorityClassOf(category), start);
    }

    /// <summary>Deadlines for <paramref name="category"/> under an explicit class, e.g. after escalation.</summary>
    public SlaDeadlines Compute(ServiceCategory category, PriorityClass priority, DateTimeOffset start)
    {
        var clock = Clock(category.Clock);
        return new SlaDeadlines(
            category.Code,
            priority.Code,
            category.Clock,
            start.ToUniversalTime(),
            clock.Add(start, clock.WorkingTimeFor(priority.FirstResponse)),
            clock.Add(start, clock.WorkingTimeFor(priority.Resolution)));
    }

    /// <summary>The class an escalated ticket moves to: the next more urgent one, or the same when it is already the most urgent.</summary>
    public PriorityClass Escalated(PriorityClass current) => Catalogue.NextHigher(current) ?? current;
}
