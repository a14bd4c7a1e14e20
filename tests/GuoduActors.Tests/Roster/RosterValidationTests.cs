namespace GuoduActors.Tests.Roster;

/// <summary>A roster that would make the hierarchy unusable is refused before anything starts, naming the entry at fault.</summary>
public sealed class RosterValidationTests
{
    private static RosterException Refused(System.Text.Json.Nodes.JsonObject roster) =>
        Assert.Throws<RosterException>(() => roster.Parse());

    [Fact]
    public void MinimalRosterIsAccepted()
    {
        var roster = RosterJson.Minimal().Parse();

        Assert.Equal(2, roster.Stations.Count);
        Assert.Equal("fenglin", roster.Stations.Single(s => s.Id == "bolangfeng").ParentId);
    }

    [Fact]
    public void StationWithAnUnknownParentIsRefusedNamingStationAndParent()
    {
        var roster = RosterJson.Minimal();
        roster.StationNamed("bolangfeng")["parent"] = "nowhere";

        var refusal = Refused(roster);

        Assert.Contains("'bolangfeng'", refusal.Message);
        Assert.Contains("'nowhere'", refusal.Message);
    }

    [Fact]
    public void DuplicateStationIdIsRefusedNamingTheId()
    {
        var roster = RosterJson.Minimal();
        roster.Stations().Add(RosterJson.Station("bolangfeng", "compound", "fenglin"));

        var refusal = Refused(roster);

        Assert.Contains("'bolangfeng'", refusal.Message);
        Assert.Contains("duplicate", refusal.Message);
    }

    [Fact]
    public void ParentCycleIsRefusedNamingTheStationsInIt()
    {
        var roster = RosterJson.Minimal();
        roster.Stations().Add(RosterJson.Station("loop-a", "compound", "loop-b"));
        roster.Stations().Add(RosterJson.Station("loop-b", "compound", "loop-a"));

        var refusal = Refused(roster);

        Assert.Contains("cycle", refusal.Message);
        Assert.Contains("loop-a", refusal.Message);
        Assert.Contains("loop-b", refusal.Message);
    }

    [Fact]
    public void CompoundStationUnderAnotherCompoundIsRefusedNamingIt()
    {
        var roster = RosterJson.Minimal();
        roster.Stations().Add(RosterJson.Station("building-3", "compound", "bolangfeng"));

        var refusal = Refused(roster);

        Assert.Contains("'building-3'", refusal.Message);
        Assert.Contains("'bolangfeng'", refusal.Message);
    }

    [Fact]
    public void CompoundStationDirectlyUnderTheSubDistrictIsRefusedNamingIt()
    {
        var roster = RosterJson.Minimal();
        roster.StationNamed("bolangfeng")["parent"] = "guodu";

        var refusal = Refused(roster);

        Assert.Contains("'bolangfeng'", refusal.Message);
    }

    [Fact]
    public void CommunityStationUnderACompoundIsRefusedNamingIt()
    {
        var roster = RosterJson.Minimal();
        roster.Stations().Add(RosterJson.Station("community-x", "community", "bolangfeng"));

        var refusal = Refused(roster);

        Assert.Contains("'community-x'", refusal.Message);
        Assert.Contains("'bolangfeng'", refusal.Message);
    }

    [Fact]
    public void CommunityStationUnderAnotherCommunityIsRefusedNamingIt()
    {
        var roster = RosterJson.Minimal();
        roster.Stations().Add(RosterJson.Station("community-x", "community", "fenglin"));

        var refusal = Refused(roster);

        Assert.Contains("'community-x'", refusal.Message);
        Assert.Contains("sub-district", refusal.Message);
    }

    [Fact]
    public void TeamWithAnUnknownHomeStationIsRefusedNamingTeamAndStation()
    {
        var roster = RosterJson.Minimal();
        roster["teams"]![0]!["homeStation"] = "atlantis";

        var refusal = Refused(roster);

        Assert.Contains("'bolangfeng-safety'", refusal.Message);
        Assert.Contains("'atlantis'", refusal.Message);
    }

    [Fact]
    public void MalformedJsonIsRefusedNamingTheFileAndLine()
    {
        var json = RosterJson.Minimal().ToJsonString().Replace("\"stations\":[", "\"stations\":[}", StringComparison.Ordinal);

        var refusal = Assert.Throws<RosterException>(() => RosterFile.Parse(json, "broken-roster.json"));

        Assert.Contains("broken-roster.json", refusal.Message);
        Assert.Contains("not valid JSON", refusal.Message);
        Assert.Contains("line", refusal.Message);
    }

    [Fact]
    public void UnknownStationLevelIsRefusedNamingWhereItIs()
    {
        var roster = RosterJson.Minimal();
        roster.StationNamed("bolangfeng")["level"] = "village";

        var refusal = Refused(roster);

        Assert.Contains("stations[1]", refusal.Message);
    }

    [Theory]
    [InlineData("nameZh")]
    [InlineData("nameEn")]
    public void StationWithoutANameIsRefusedNamingIt(string missing)
    {
        var roster = RosterJson.Minimal();
        roster.StationNamed("bolangfeng").Remove(missing);

        var refusal = Refused(roster);

        Assert.Contains("'bolangfeng'", refusal.Message);
        Assert.Contains(missing, refusal.Message);
    }

    [Fact]
    public void TeamWithoutANameIsRefusedNamingIt()
    {
        var roster = RosterJson.Minimal();
        roster["teams"]![0]!.AsObject().Remove("nameZh");

        var refusal = Refused(roster);

        Assert.Contains("'bolangfeng-safety'", refusal.Message);
    }

    [Fact]
    public void SubDistrictWithoutANameIsRefusedNamingIt()
    {
        var roster = RosterJson.Minimal();
        roster["subDistrict"]!.AsObject().Remove("nameEn");

        var refusal = Refused(roster);

        Assert.Contains("'guodu'", refusal.Message);
    }

    [Fact]
    public void StationWithoutAnIdIsRefused()
    {
        var roster = RosterJson.Minimal();
        roster.StationNamed("bolangfeng").Remove("id");

        var refusal = Refused(roster);

        Assert.Contains("station", refusal.Message);
        Assert.Contains("ids must be", refusal.Message);
    }

    [Fact]
    public void TeamWithoutSkillsIsRefusedNamingIt()
    {
        var roster = RosterJson.Minimal();
        roster["teams"]![0]!["skills"] = new System.Text.Json.Nodes.JsonArray();

        var refusal = Refused(roster);

        Assert.Contains("'bolangfeng-safety'", refusal.Message);
        Assert.Contains("skill", refusal.Message);
    }
}
