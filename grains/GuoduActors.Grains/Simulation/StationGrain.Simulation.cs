namespace GuoduActors.Grains;

/// <summary>Daily counts brought in from a simulated history, so forecasting and charts see its days like live ones.</summary>
public sealed partial class StationGrain
{
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
        await WriteStateAsync(s =>
        {
            foreach (var count in kept)
            {
                var key = DailyKey(count.Day, count.CategoryCode);
                var before = _daily.GetValueOrDefault(key);
                // Replacing, not adding, is what makes a repeated import (a resumed seeding) harmless.
                s.ReceivedTotal += count.Received - (before?.Received ?? 0);
                s.ResolvedTotal += count.Resolved - (before?.Resolved ?? 0);
                _daily[key] = new DailyTally { Received = count.Received, Resolved = count.Resolved };
                _unstoredDays.Add(key);
            }
        });
        await FlushAsync();
        ReportCounters();
    }

    private static bool IsCategoryKey(string? code) =>
        code is { Length: > 0 and <= TicketRules.MaxCategoryCodeLength } && code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
