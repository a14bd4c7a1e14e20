using GuoduActors.Sla;

namespace GuoduActors.Grains.Sla;

/// <summary>The tickets' view of the catalogue and the SLA clocks: what <see cref="ITicketPolicy"/> asks, answered by <see cref="SlaPolicy"/>.</summary>
public sealed class CatalogueTicketPolicy(SlaPolicy sla) : ITicketPolicy
{
    private Catalogue Catalogue => sla.Catalogue;

    public string DefaultCategory => Catalogue.FallbackCategoryCode;

    public bool IsKnownCategory(string categoryCode) => Catalogue.Find(categoryCode) is not null;

    public string PriorityOf(string categoryCode) => Catalogue.PriorityClassOf(Catalogue.Resolve(categoryCode)).Code;

    public string Raise(string priorityClass) =>
        Catalogue.FindPriorityClass(priorityClass) is { } current ? sla.Escalated(current).Code : priorityClass;

    public DateTimeOffset Due(SlaClock clock, string categoryCode, string priorityClass, DateTimeOffset start)
    {
        var category = Catalogue.Resolve(categoryCode);
        var priority = Catalogue.FindPriorityClass(priorityClass) ?? Catalogue.PriorityClassOf(category);
        var deadlines = sla.Compute(category, priority, start);
        return clock == SlaClock.FirstResponse ? deadlines.FirstResponseDue : deadlines.ResolutionDue;
    }

    public TimeSpan Remaining(string categoryCode, DateTimeOffset now, DateTimeOffset due) =>
        due <= now ? TimeSpan.Zero : ClockOf(categoryCode).Between(now, due);

    public DateTimeOffset Resume(string categoryCode, DateTimeOffset now, TimeSpan remaining) => ClockOf(categoryCode).Add(now, remaining);

    public IReadOnlyList<string> SkillsFor(string categoryCode) => Catalogue.Resolve(categoryCode).Skills;

    private IServiceClock ClockOf(string categoryCode) => sla.Clock(Catalogue.Resolve(categoryCode).Clock);
}
