using System.Text.Json.Nodes;

namespace GuoduActors.Tests.Roster;

/// <summary>Small rosters to break one rule at a time, and copies of the shipped roster under other ids.</summary>
internal static class RosterJson
{
    /// <summary>A valid roster: one community with one compound, and one team at the compound.</summary>
    public static JsonObject Minimal() => new()
    {
        ["subDistrict"] = new JsonObject { ["id"] = "guodu", ["nameZh"] = "郭杜街道", ["nameEn"] = "Guodu Sub-district" },
        ["stations"] = new JsonArray
        {
            Station("fenglin", "community", "guodu"),
            Station("bolangfeng", "compound", "fenglin"),
        },
        ["teams"] = new JsonArray
        {
            new JsonObject
            {
                ["id"] = "bolangfeng-safety", ["nameZh"] = "铂琅峯平安志愿服务队", ["nameEn"] = "Bolangfeng Safety",
                ["homeStation"] = "bolangfeng", ["skills"] = new JsonArray("safety-patrol"), ["capacity"] = 5,
            },
        },
    };

    public static JsonObject Station(string id, string level, string parent) => new()
    {
        ["id"] = id, ["nameZh"] = $"{id} 站", ["nameEn"] = $"{id} station", ["level"] = level, ["parent"] = parent,
    };

    public static JsonArray Stations(this JsonObject roster) => roster["stations"]!.AsArray();

    public static JsonObject StationNamed(this JsonObject roster, string id) =>
        roster.Stations().Select(s => s!.AsObject()).Single(s => (string?)s["id"] == id);

    /// <summary>
    /// The shipped roster with every id prefixed, so a test can apply and change it inside the shared cluster
    /// without touching the real Guodu grains (station and team grains are keyed by id alone).
    /// </summary>
    public static JsonObject ShippedUnderPrefix(string prefix)
    {
        var roster = JsonNode.Parse(File.ReadAllText(Repo.ShippedRosterPath))!.AsObject();
        roster.Remove("$comment");
        var subDistrict = roster["subDistrict"]!.AsObject();
        subDistrict["id"] = prefix + (string)subDistrict["id"]!;
        foreach (var station in roster.Stations().Select(s => s!.AsObject()))
        {
            station["id"] = prefix + (string)station["id"]!;
            station["parent"] = prefix + (string)station["parent"]!;
        }
        foreach (var team in roster["teams"]!.AsArray().Select(t => t!.AsObject()))
        {
            team["id"] = prefix + (string)team["id"]!;
            team["homeStation"] = prefix + (string)team["homeStation"]!;
        }
        return roster;
    }

    public static GuoduActors.Roster Parse(this JsonObject roster) => RosterFile.Parse(roster.ToJsonString(), "test-roster.json");
}
