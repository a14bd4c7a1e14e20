using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GuoduActors.Sla;

namespace GuoduActors.Grains.Sla;

/// <summary>A catalogue file that cannot be used; the message names the offending entry.</summary>
public sealed class CatalogueException(string message) : Exception(message);

/// <summary>
/// Reads and validates the category catalogue (data the sub-district edits, not code) into a <see cref="Catalogue"/>.
/// Every rule that would leave a ticket without a usable deadline is checked here, before any grain uses it.
/// </summary>
public static partial class CatalogueFile
{
    /// <summary>Office hours when the file names none: the usual hours of a Xi'an community office.</summary>
    public static readonly IReadOnlyList<WorkingWindow> DefaultBusinessHours =
    [
        new(new TimeOnly(8, 30), new TimeOnly(12, 0)),
        new(new TimeOnly(13, 30), new TimeOnly(18, 0)),
    ];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static Catalogue Load(string path)
    {
        if (!File.Exists(path))
            throw new CatalogueException($"Catalogue file '{path}' does not exist.");
        return Parse(File.ReadAllText(path), path);
    }

    public static Catalogue Parse(string json, string source)
    {
        CatalogueDocument document;
        try
        {
            document = JsonSerializer.Deserialize<CatalogueDocument>(json, Json)
                ?? throw new CatalogueException($"Catalogue '{source}' is empty.");
        }
        catch (JsonException e)
        {
            throw new CatalogueException($"Catalogue '{source}' is not valid JSON at {e.Path} (line {e.LineNumber + 1}): {e.Message}");
        }
        return Validate(document, source);
    }

    private static Catalogue Validate(CatalogueDocument document, string source)
    {
        var classes = (document.PriorityClasses ?? []).Select(p => ValidateClass(p, source)).ToList();
        if (classes.Count == 0)
            throw new CatalogueException($"Catalogue '{source}' has no priority classes.");
        RequireUnique(classes.Select(p => p.Code), "priority class", source);
        foreach (var rank in classes.GroupBy(p => p.Rank).Where(g => g.Count() > 1))
            throw new CatalogueException($"Catalogue '{source}': priority classes {string.Join(" and ", rank.Select(p => $"'{p.Code}'"))} share rank {rank.Key}.");
        classes.Sort((a, b) => a.Rank.CompareTo(b.Rank));

        // Escalation moves a ticket to a lower rank; that must never loosen its targets.
        foreach (var (urgent, lesser) in classes.Zip(classes.Skip(1)))
        {
            if (urgent.FirstResponse > lesser.FirstResponse || urgent.Resolution > lesser.Resolution)
                throw new CatalogueException($"Catalogue '{source}': priority class '{urgent.Code}' (rank {urgent.Rank}) has a longer target than the less urgent '{lesser.Code}' (rank {lesser.Rank}).");
        }

        var groups = new List<CategoryGroup>();
        foreach (var g in document.Groups ?? [])
        {
            RequireCodeAndNames(g.Code, g.NameZh, g.NameEn, "group", source);
            groups.Add(new CategoryGroup(g.Code!, g.NameZh!, g.NameEn!));
        }
        RequireUnique(groups.Select(g => g.Code), "group", source);

        var groupCodes = groups.Select(g => g.Code).ToHashSet(StringComparer.Ordinal);
        var classCodes = classes.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var categories = new List<ServiceCategory>();
        foreach (var c in document.Categories ?? [])
        {
            RequireCodeAndNames(c.Code, c.NameZh, c.NameEn, "category", source);
            if (c.Group is null || !groupCodes.Contains(c.Group))
                throw new CatalogueException($"Catalogue '{source}': category '{c.Code}' names an unknown group '{c.Group}'.");
            if (c.PriorityClass is null || !classCodes.Contains(c.PriorityClass))
                throw new CatalogueException($"Catalogue '{source}': category '{c.Code}' names an unknown priority class '{c.PriorityClass}'.");
            var clock = c.Clock switch
            {
                null or "calendar" => ClockKind.Calendar,
                "business" => ClockKind.Business,
                _ => throw new CatalogueException($"Catalogue '{source}': category '{c.Code}' has clock '{c.Clock}', but the clock must be 'calendar' or 'business'."),
            };
            if (c.MedianHandlingHours is not (> 0 and <= 1000))
                throw new CatalogueException($"Catalogue '{source}': category '{c.Code}' needs a medianHandlingHours above 0 and at most 1000.");
            var skills = c.Skills ?? [];
            if (skills.FirstOrDefault(s => !IsCode(s)) is { } badSkill)
                throw new CatalogueException($"Catalogue '{source}': category '{c.Code}' has the skill '{badSkill}', but skills must be lower-case letters, digits and single dashes.");
            categories.Add(new ServiceCategory(c.Code!, c.NameZh!, c.NameEn!, c.Group, c.PriorityClass, clock, c.MedianHandlingHours.Value, skills.Distinct(StringComparer.Ordinal).ToList()));
        }
        if (categories.Count == 0)
            throw new CatalogueException($"Catalogue '{source}' has no categories.");
        RequireUnique(categories.Select(c => c.Code), "category", source);

        if (string.IsNullOrWhiteSpace(document.FallbackCategory))
            throw new CatalogueException($"Catalogue '{source}' has no 'fallbackCategory' for tickets registered without a category.");
        if (!categories.Any(c => c.Code == document.FallbackCategory))
            throw new CatalogueException($"Catalogue '{source}': the fallbackCategory '{document.FallbackCategory}' is not one of its categories.");

        var hours = document.BusinessHours is null ? DefaultBusinessHours : ValidateHours(document.BusinessHours, source);
        return new Catalogue(classes, groups, categories, document.FallbackCategory, hours);
    }

    private static PriorityClass ValidateClass(PriorityClassEntry p, string source)
    {
        RequireCodeAndNames(p.Code, p.NameZh, p.NameEn, "priority class", source);
        if (p.Rank is not > 0)
            throw new CatalogueException($"Catalogue '{source}': priority class '{p.Code}' needs a rank of 1 or more (1 is the most urgent).");
        var firstResponse = ParseTarget(p.FirstResponse, p.Code!, "firstResponse", source);
        var resolution = ParseTarget(p.Resolution, p.Code!, "resolution", source);
        if (resolution < firstResponse)
            throw new CatalogueException($"Catalogue '{source}': priority class '{p.Code}' has a resolution target ({resolution:c}) shorter than its first-response target ({firstResponse:c}).");
        return new PriorityClass(p.Code!, p.NameZh!, p.NameEn!, p.Rank.Value, firstResponse, resolution);
    }

    private static TimeSpan ParseTarget(string? text, string code, string field, string source)
    {
        // The constant format only: the general parser reads "24:00" as 24 days.
        if (!TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var target))
            throw new CatalogueException($"Catalogue '{source}': priority class '{code}' has {field} '{text}', but a target must be written d.hh:mm:ss or hh:mm:ss (e.g. \"02:00:00\", \"7.00:00:00\").");
        if (target <= TimeSpan.Zero)
            throw new CatalogueException($"Catalogue '{source}': priority class '{code}' has a non-positive {field} target ({text}).");
        return target;
    }

    private static List<WorkingWindow> ValidateHours(List<WindowEntry> entries, string source)
    {
        var windows = new List<WorkingWindow>();
        foreach (var e in entries)
        {
            if (!TimeOnly.TryParseExact(e.From, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !TimeOnly.TryParseExact(e.To, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
                throw new CatalogueException($"Catalogue '{source}': business hours '{e.From}–{e.To}' must be written HH:mm.");
            if (to <= from)
                throw new CatalogueException($"Catalogue '{source}': business hours '{e.From}–{e.To}' end before they start.");
            if (windows.Count > 0 && from < windows[^1].End)
                throw new CatalogueException($"Catalogue '{source}': business hours '{e.From}–{e.To}' overlap or precede the window before them; list them in order.");
            windows.Add(new WorkingWindow(from, to));
        }
        if (windows.Count == 0)
            throw new CatalogueException($"Catalogue '{source}': businessHours is empty; omit it for the default hours.");
        return windows;
    }

    private static void RequireCodeAndNames(string? code, string? nameZh, string? nameEn, string kind, string source)
    {
        if (!IsCode(code))
            throw new CatalogueException($"Catalogue '{source}': a {kind} has the code '{code}', but codes must be 1–64 lower-case letters or digits separated by single dashes.");
        if (string.IsNullOrWhiteSpace(nameZh) || string.IsNullOrWhiteSpace(nameEn))
            throw new CatalogueException($"Catalogue '{source}': {kind} '{code}' needs both nameZh and nameEn.");
    }

    private static void RequireUnique(IEnumerable<string> codes, string kind, string source)
    {
        if (codes.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw new CatalogueException($"Catalogue '{source}': {kind} '{duplicate.Key}' is a duplicate code.");
    }

    // Stricter than TicketRules' pattern (no leading, trailing or double dashes), so every catalogue code is a valid ticket category.
    private static bool IsCode(string? code) =>
        code is { Length: > 0 and <= TicketRules.MaxCategoryCodeLength } && CodePattern().IsMatch(code);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();

    private sealed record CatalogueDocument(
        string? FallbackCategory,
        List<WindowEntry>? BusinessHours,
        List<PriorityClassEntry>? PriorityClasses,
        List<GroupEntry>? Groups,
        List<CategoryEntry>? Categories);

    private sealed record WindowEntry(string? From, string? To);
    private sealed record PriorityClassEntry(string? Code, string? NameZh, string? NameEn, int? Rank, string? FirstResponse, string? Resolution);
    private sealed record GroupEntry(string? Code, string? NameZh, string? NameEn);
    private sealed record CategoryEntry(
        string? Code, string? NameZh, string? NameEn, string? Group, string? PriorityClass, string? Clock, double? MedianHandlingHours, List<string>? Skills);
}
