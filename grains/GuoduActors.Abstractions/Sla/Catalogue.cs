using System.Collections.Frozen;

namespace GuoduActors.Sla;

/// <summary>Which clock a category's service-level targets run on.</summary>
public enum ClockKind
{
    /// <summary>Around the clock, every day: field work such as repairs and safety.</summary>
    Calendar = 0,

    /// <summary>Office hours on working days (China Standard Time), skipping public holidays.</summary>
    Business = 1,
}

/// <summary>
/// A priority class with its targets, stated in calendar terms (a whole day of a target is one working day on the
/// business clock). <see cref="Rank"/> 1 is the most urgent; escalation moves a ticket to the next lower rank.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record class PriorityClass(
    [property: Id(0)] string Code,
    [property: Id(1)] string NameZh,
    [property: Id(2)] string NameEn,
    [property: Id(3)] int Rank,
    [property: Id(4)] TimeSpan FirstResponse,
    [property: Id(5)] TimeSpan Resolution);

/// <summary>A group of categories, as shown to desk staff and on the dashboard.</summary>
[GenerateSerializer, Immutable]
public sealed record class CategoryGroup(
    [property: Id(0)] string Code,
    [property: Id(1)] string NameZh,
    [property: Id(2)] string NameEn);

/// <summary>
/// One kind of small matter a station handles. <see cref="MedianHandlingHours"/> is the typical hands-on work per
/// ticket, for staffing plans, not a target; <see cref="Skills"/> are the volunteer-team skills that fit the work
/// (empty when only station staff handle it).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record class ServiceCategory(
    [property: Id(0)] string Code,
    [property: Id(1)] string NameZh,
    [property: Id(2)] string NameEn,
    [property: Id(3)] string Group,
    [property: Id(4)] string PriorityClass,
    [property: Id(5)] ClockKind Clock,
    [property: Id(6)] double MedianHandlingHours,
    [property: Id(7)] IReadOnlyList<string> Skills);

/// <summary>One stretch of office hours in a working day, local (China Standard Time) wall-clock times.</summary>
[GenerateSerializer, Immutable]
public readonly record struct WorkingWindow(
    [property: Id(0)] TimeOnly Start,
    [property: Id(1)] TimeOnly End)
{
    public TimeSpan Length => End - Start;
}

/// <summary>
/// When a ticket's first response and resolution are due, and on which clock they were computed.
/// <see cref="CategoryCode"/> is the category the targets came from: the fallback when the ticket had none or an unknown one.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record class SlaDeadlines(
    [property: Id(0)] string CategoryCode,
    [property: Id(1)] string PriorityClass,
    [property: Id(2)] ClockKind Clock,
    [property: Id(3)] DateTimeOffset Start,
    [property: Id(4)] DateTimeOffset FirstResponseDue,
    [property: Id(5)] DateTimeOffset ResolutionDue);

/// <summary>
/// The validated category catalogue: priority classes (ordered by rank), groups, categories and office hours.
/// Built by the catalogue loader, which guarantees that every reference resolves.
/// </summary>
[GenerateSerializer, Immutable]
public sealed class Catalogue(
    IReadOnlyList<PriorityClass> priorityClasses,
    IReadOnlyList<CategoryGroup> groups,
    IReadOnlyList<ServiceCategory> categories,
    string fallbackCategoryCode,
    IReadOnlyList<WorkingWindow> businessHours)
{
    // Built on first lookup rather than in the constructor: Orleans materialises a received copy without running it.
    [NonSerialized] private FrozenDictionary<string, ServiceCategory>? _categories;
    [NonSerialized] private FrozenDictionary<string, PriorityClass>? _classes;

    [Id(0)] public IReadOnlyList<PriorityClass> PriorityClasses { get; } = priorityClasses;
    [Id(1)] public IReadOnlyList<CategoryGroup> Groups { get; } = groups;
    [Id(2)] public IReadOnlyList<ServiceCategory> Categories { get; } = categories;

    /// <summary>The category of tickets registered without one (or with a code the catalogue no longer has).</summary>
    [Id(3)] public string FallbackCategoryCode { get; } = fallbackCategoryCode;

    /// <summary>Office hours of a working day for the business clock.</summary>
    [Id(4)] public IReadOnlyList<WorkingWindow> BusinessHours { get; } = businessHours;

    public ServiceCategory Fallback => Find(FallbackCategoryCode)
        ?? throw new InvalidOperationException($"The catalogue has no fallback category '{FallbackCategoryCode}'.");

    /// <summary>The category with this code, or <c>null</c>.</summary>
    public ServiceCategory? Find(string? code) =>
        code is not null && (_categories ??= Categories.ToFrozenDictionary(c => c.Code, StringComparer.Ordinal)).TryGetValue(code, out var c) ? c : null;

    /// <summary>The category with this code, or the fallback category when the code is missing or unknown.</summary>
    public ServiceCategory Resolve(string? code) => Find(code) ?? Fallback;

    /// <summary>The priority class with this code, or <c>null</c>.</summary>
    public PriorityClass? FindPriorityClass(string? code) =>
        code is not null && (_classes ??= PriorityClasses.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal)).TryGetValue(code, out var p) ? p : null;

    public PriorityClass PriorityClassOf(ServiceCategory category) => FindPriorityClass(category.PriorityClass)
        ?? throw new InvalidOperationException($"Category '{category.Code}' names an unknown priority class '{category.PriorityClass}'.");

    /// <summary>The next more urgent class (the nearest lower rank), or <c>null</c> when <paramref name="current"/> is the most urgent.</summary>
    public PriorityClass? NextHigher(PriorityClass current) =>
        PriorityClasses.Where(p => p.Rank < current.Rank).MaxBy(p => p.Rank);
}
