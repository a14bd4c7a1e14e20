using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuoduActors.Silo.Roster;

/// <summary>A roster file that cannot be used; the message names the offending entry.</summary>
public sealed class RosterException(string message) : Exception(message);

/// <summary>
/// Reads and validates the roster file (data the sub-district edits, not code) into a <see cref="GuoduActors.Roster"/>.
/// Every rule that would make the hierarchy unusable is checked here, before anything is written to the grains.
/// </summary>
public static class RosterFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static GuoduActors.Roster Load(string path)
    {
        if (!File.Exists(path))
            throw new RosterException($"Roster file '{path}' does not exist.");
        return Parse(File.ReadAllText(path), path);
    }

    public static GuoduActors.Roster Parse(string json, string source)
    {
        RosterDocument document;
        try
        {
            document = JsonSerializer.Deserialize<RosterDocument>(json, Json)
                ?? throw new RosterException($"Roster '{source}' is empty.");
        }
        catch (JsonException e)
        {
            throw new RosterException($"Roster '{source}' is not valid JSON at {e.Path} (line {e.LineNumber + 1}): {e.Message}");
        }
        return Validate(document, source);
    }

    private static GuoduActors.Roster Validate(RosterDocument document, string source)
    {
        var sub = document.SubDistrict ?? throw new RosterException($"Roster '{source}' has no 'subDistrict' entry.");
        RequireNames(sub.Id, sub.NameZh, sub.NameEn, "subDistrict", source);
        var stations = document.Stations ?? [];
        var teams = document.Teams ?? [];

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { sub.Id! };
        foreach (var s in stations)
        {
            RequireNames(s.Id, s.NameZh, s.NameEn, "station", source);
            if (!ids.Add(s.Id!))
                throw new RosterException($"Roster '{source}': station '{s.Id}' is a duplicate id.");
            if (s.Level is null)
                throw new RosterException($"Roster '{source}': station '{s.Id}' has no level (community or compound).");
        }
        var byId = stations.ToDictionary(s => s.Id!, StringComparer.OrdinalIgnoreCase);

        foreach (var s in stations)
        {
            if (string.IsNullOrWhiteSpace(s.Parent))
                throw new RosterException($"Roster '{source}': station '{s.Id}' has no parent.");
            if (!s.Parent.Equals(sub.Id, StringComparison.OrdinalIgnoreCase) && !byId.ContainsKey(s.Parent))
                throw new RosterException($"Roster '{source}': station '{s.Id}' names an unknown parent '{s.Parent}'.");
        }

        // Cycles first: a cycle also breaks the level rules below, and "cycle" is the clearer message.
        foreach (var s in stations)
        {
            var seen = new List<string> { s.Id! };
            for (var parent = s.Parent!; byId.TryGetValue(parent, out var next); parent = next.Parent!)
            {
                if (seen.Contains(next.Id!, StringComparer.OrdinalIgnoreCase))
                    throw new RosterException($"Roster '{source}': station '{s.Id}' is in a parent cycle ({string.Join(" → ", seen)} → {next.Id}).");
                seen.Add(next.Id!);
            }
        }

        foreach (var s in stations)
        {
            var parentIsOffice = s.Parent!.Equals(sub.Id, StringComparison.OrdinalIgnoreCase);
            if (s.Level == StationLevel.Community && !parentIsOffice)
                throw new RosterException($"Roster '{source}': community station '{s.Id}' must report to the sub-district '{sub.Id}', not '{s.Parent}'.");
            if (s.Level == StationLevel.Compound && (parentIsOffice || byId[s.Parent].Level != StationLevel.Community))
                throw new RosterException($"Roster '{source}': compound station '{s.Id}' must be attached to a community station, but its parent '{s.Parent}' is not one.");
        }

        var teamIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in teams)
        {
            RequireNames(t.Id, t.NameZh, t.NameEn, "team", source);
            if (ids.Contains(t.Id!) || !teamIds.Add(t.Id!))
                throw new RosterException($"Roster '{source}': team '{t.Id}' is a duplicate id.");
            if (string.IsNullOrWhiteSpace(t.HomeStation) || !byId.ContainsKey(t.HomeStation))
                throw new RosterException($"Roster '{source}': team '{t.Id}' names an unknown home station '{t.HomeStation}'.");
            if (t.Capacity is null or < 1 or > 1000)
                throw new RosterException($"Roster '{source}': team '{t.Id}' needs a capacity between 1 and 1000 concurrent jobs.");
            if (t.Skills is null || t.Skills.Count == 0 || t.Skills.Any(string.IsNullOrWhiteSpace))
                throw new RosterException($"Roster '{source}': team '{t.Id}' needs at least one skill.");
        }

        return new GuoduActors.Roster(
            new SubDistrictInfo(sub.Id!, sub.NameZh!, sub.NameEn!, sub.OfficeNameZh ?? sub.NameZh!, sub.OfficeNameEn ?? sub.NameEn!),
            stations.Select(s => new StationInfo(s.Id!, s.NameZh!, s.NameEn!, s.Level!.Value, byId.TryGetValue(s.Parent!, out var p) ? p.Id! : sub.Id!, s.Placeholder)).ToList(),
            teams.Select(t => new TeamInfo(t.Id!, t.NameZh!, t.NameEn!, byId[t.HomeStation!].Id!, t.Skills!.ToList(), t.Capacity!.Value, t.Placeholder)).ToList());
    }

    private static void RequireNames(string? id, string? nameZh, string? nameEn, string kind, string source)
    {
        if (string.IsNullOrWhiteSpace(id) || !System.Text.RegularExpressions.Regex.IsMatch(id, "^[a-z0-9][a-z0-9-]{0,63}$"))
            throw new RosterException($"Roster '{source}': a {kind} has the id '{id}', but ids must be 1–64 lower-case letters, digits or dashes.");
        if (string.IsNullOrWhiteSpace(nameZh) || string.IsNullOrWhiteSpace(nameEn))
            throw new RosterException($"Roster '{source}': {kind} '{id}' needs both nameZh and nameEn.");
    }

    private sealed record RosterDocument(SubDistrictEntry? SubDistrict, List<StationEntry>? Stations, List<TeamEntry>? Teams);
    private sealed record SubDistrictEntry(string? Id, string? NameZh, string? NameEn, string? OfficeNameZh, string? OfficeNameEn);
    private sealed record StationEntry(string? Id, string? NameZh, string? NameEn, StationLevel? Level, string? Parent, bool Placeholder);
    private sealed record TeamEntry(string? Id, string? NameZh, string? NameEn, string? HomeStation, List<string>? Skills, int? Capacity, bool Placeholder);
}
