using System.Globalization;

namespace GuoduActors.Grains;

/// <summary>Daily counts brought in from a simulated history, so forecasting and charts see its days like live ones.</summary>
public sealed partial class StationGrain
{
    /// <summary>
    /// The most day-and-category tallies an import may leave in state. Each costs about 115 bytes in stored grain state
    /// (JSON), and Azure Tables cap a grain's state near 960 KB; live counting needs room above what is imported.
    /// </summary>
    internal const int MaxTalliesAfterImport = 7000;

    public async Task ImportDailyCountsAsync(IReadOnlyList<DailyCount> counts)
    {
        if (state.State.Info is null)
            throw DomainRefusalException.NotFound($"No station '{StationId}' is in the roster.");
        if (counts.FirstOrDefault(c => c.Received < 0 || c.Resolved < 0) is { } negative)
            throw DomainRefusalException.Invalid($"Daily counts cannot be negative ({negative.Day:yyyy-MM-dd}, {negative.CategoryCode}).");
        if (counts.FirstOrDefault(c => !IsCategoryKey(c.CategoryCode)) is { } malformed)
            throw DomainRefusalException.Invalid($"'{malformed.CategoryCode}' is not a category code.");

        // The same window Count keeps: an older day would be pruned at the next count anyway.
        var oldest = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TicketIds.ChinaStandardTime).DateTime).AddDays(-DailyWindowDays);
        var kept = counts.Where(c => c.Day >= oldest).ToList();
        if (kept.Count == 0)
            return;
        var added = kept.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Day:yyyyMMdd}|{c.CategoryCode}")).Distinct(StringComparer.Ordinal).Count(k => !state.State.Daily.ContainsKey(k));
        if (state.State.Daily.Count + added > MaxTalliesAfterImport)
            throw DomainRefusalException.Invalid($"Station '{StationId}' would hold {state.State.Daily.Count + added} daily tallies, more than the {MaxTalliesAfterImport} its grain state can safely keep; import fewer days or a smaller volume.");
        await WriteStateAsync(s =>
        {
            foreach (var count in kept)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"{count.Day:yyyyMMdd}|{count.CategoryCode}");
                var before = s.Daily.GetValueOrDefault(key);
                // Replacing, not adding, is what makes a repeated import (a resumed seeding) harmless.
                s.ReceivedTotal += count.Received - (before?.Received ?? 0);
                s.ResolvedTotal += count.Resolved - (before?.Resolved ?? 0);
                s.Daily[key] = new DailyTally { Received = count.Received, Resolved = count.Resolved };
            }
        });
        ReportCounters();
    }

    private static bool IsCategoryKey(string? code) =>
        code is { Length: > 0 and <= TicketRules.MaxCategoryCodeLength } && code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
