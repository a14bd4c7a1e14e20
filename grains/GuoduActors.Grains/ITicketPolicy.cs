namespace GuoduActors.Grains;

/// <summary>
/// The catalogue and SLA rules a ticket needs: which categories exist, their priority classes, the clocks their
/// deadlines run on and the skills that fit them. Loaded from data files by the host.
/// </summary>
public interface ITicketPolicy
{
    /// <summary>The category of a ticket registered without one.</summary>
    string DefaultCategory { get; }

    bool IsKnownCategory(string categoryCode);

    /// <summary>The priority class a category starts with.</summary>
    string PriorityOf(string categoryCode);

    /// <summary>The next more urgent priority class (the same one at the top).</summary>
    string Raise(string priorityClass);

    /// <summary>The deadline of <paramref name="clock"/> for a matter of this category and priority started at <paramref name="start"/>.</summary>
    DateTimeOffset Due(SlaClock clock, string categoryCode, string priorityClass, DateTimeOffset start);

    /// <summary>The clock time left until <paramref name="due"/> (zero when past), measured on the category's clock.</summary>
    TimeSpan Remaining(string categoryCode, DateTimeOffset now, DateTimeOffset due);

    /// <summary><paramref name="remaining"/> of clock time from <paramref name="now"/> on the category's clock.</summary>
    DateTimeOffset Resume(string categoryCode, DateTimeOffset now, TimeSpan remaining);

    /// <summary>Volunteer-team skills that fit the category (empty: any team).</summary>
    IReadOnlyList<string> SkillsFor(string categoryCode);
}
