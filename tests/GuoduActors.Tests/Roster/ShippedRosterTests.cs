namespace GuoduActors.Tests.Roster;

/// <summary>The roster the product ships matches the published structure of Guodu's stations and teams.</summary>
public sealed class ShippedRosterTests
{
    private readonly GuoduActors.Roster _roster = RosterFile.Load(Repo.ShippedRosterPath);

    [Fact]
    public void ShippedRosterDescribesTheGuoduSubDistrict()
    {
        Assert.Equal("guodu", _roster.SubDistrict.Id);
        Assert.Equal("郭杜街道", _roster.SubDistrict.NameZh);
        Assert.False(string.IsNullOrWhiteSpace(_roster.SubDistrict.OfficeNameZh));
    }

    [Fact]
    public void ShippedRosterHas33CommunityAnd38CompoundStations()
    {
        Assert.Equal(33, _roster.Stations.Count(s => s.Level == StationLevel.Community));
        Assert.Equal(38, _roster.Stations.Count(s => s.Level == StationLevel.Compound));
        Assert.Equal(71, _roster.Stations.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void EveryCommunityStationReportsToTheSubDistrict()
    {
        Assert.All(_roster.Stations.Where(s => s.Level == StationLevel.Community),
            s => Assert.Equal(_roster.SubDistrict.Id, s.ParentId));
    }

    [Fact]
    public void EveryCompoundStationIsAttachedToACommunityStation()
    {
        var communities = _roster.Stations.Where(s => s.Level == StationLevel.Community).Select(s => s.Id).ToHashSet();
        Assert.All(_roster.Stations.Where(s => s.Level == StationLevel.Compound),
            s => Assert.Contains(s.ParentId, communities));
    }

    [Fact]
    public void FenglinCommunityAndBolangfengCompoundAreNamedAndNotPlaceholders()
    {
        var fenglin = _roster.Stations.Single(s => s.Id == "fenglin");
        Assert.Equal("凤林社区", fenglin.NameZh);
        Assert.Equal(StationLevel.Community, fenglin.Level);
        Assert.False(fenglin.IsPlaceholder);

        var bolangfeng = _roster.Stations.Single(s => s.Id == "bolangfeng");
        Assert.Equal("铂琅峯小区", bolangfeng.NameZh);
        Assert.Equal(StationLevel.Compound, bolangfeng.Level);
        Assert.Equal("fenglin", bolangfeng.ParentId);
        Assert.False(bolangfeng.IsPlaceholder);
    }

    [Fact]
    public void ThreeVolunteerTeamsEachHaveSkillsCapacityAndAKnownHomeStation()
    {
        var stations = _roster.Stations.Select(s => s.Id).ToHashSet();
        Assert.Equal(3, _roster.Teams.Count);
        Assert.All(_roster.Teams, team =>
        {
            Assert.NotEmpty(team.Skills);
            Assert.All(team.Skills, skill => Assert.False(string.IsNullOrWhiteSpace(skill)));
            Assert.InRange(team.Capacity, 1, 1000);
            Assert.Contains(team.HomeStationId, stations);
        });
        Assert.Contains(_roster.Teams, t => t.Id == "bolangfeng-safety" && t.HomeStationId == "bolangfeng");
    }
}
