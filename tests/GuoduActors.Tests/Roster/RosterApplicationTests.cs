namespace GuoduActors.Tests.Roster;

/// <summary>Applying a roster to the grains is idempotent, and a station new to the file appears on the next application.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RosterApplicationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ShippedRosterIsLiveInTheCluster()
    {
        var roster = await fixture.SubDistrict.GetRosterAsync();

        Assert.NotNull(roster);
        Assert.Equal(71, roster.Stations.Count);
        Assert.Equal(3, roster.Teams.Count);
        var bolangfeng = await fixture.Client.GetGrain<IStationGrain>("bolangfeng").GetInfoAsync();
        Assert.Equal("铂琅峯小区", bolangfeng?.NameZh);
        var team = await fixture.Client.GetGrain<IVolunteerTeamGrain>("bolangfeng-safety").GetInfoAsync();
        Assert.NotEmpty(team!.Skills);
    }

    [Fact]
    public async Task ApplyingTheSameRosterTwiceCreatesNoDuplicates()
    {
        await fixture.SubDistrict.ApplyRosterAsync(fixture.Roster);
        await fixture.SubDistrict.ApplyRosterAsync(RosterFile.Load(Repo.ShippedRosterPath));

        var roster = await fixture.SubDistrict.GetRosterAsync();
        var overview = await fixture.SubDistrict.GetOverviewAsync();
        Assert.Equal(71, roster!.Stations.Count);
        Assert.Equal(71, roster.Stations.Select(s => s.Id).Distinct().Count());
        Assert.Equal(71, overview.Stations.Count);
        Assert.Equal(3, overview.Teams.Count);
    }

    [Fact]
    public async Task StationAddedToTheFileAppearsAfterReapplyingAndExistingStationsKeepTheirTickets()
    {
        // A copy of the shipped roster under other ids, so adding a station leaves the real Guodu roster alone.
        var prefix = $"r{Guid.NewGuid():N}"[..9] + "-";
        var file = Path.Combine(Path.GetTempPath(), $"{prefix}roster.json");
        var json = RosterJson.ShippedUnderPrefix(prefix);
        await File.WriteAllTextAsync(file, json.ToJsonString());
        try
        {
            var subDistrict = fixture.Client.GetGrain<ISubDistrictGrain>(prefix + "guodu");
            await subDistrict.ApplyRosterAsync(RosterFile.Load(file));
            var fenglin = fixture.Client.GetGrain<IStationGrain>(prefix + "fenglin");
            await fenglin.RegisterTicketAsync(Tickets.Sample(), Tickets.NewKey());

            json.Stations().Add(RosterJson.Station(prefix + "new-compound", "compound", prefix + "fenglin"));
            await File.WriteAllTextAsync(file, json.ToJsonString());
            await subDistrict.ApplyRosterAsync(RosterFile.Load(file));

            var roster = await subDistrict.GetRosterAsync();
            Assert.Equal(72, roster!.Stations.Count);
            var added = await fixture.Client.GetGrain<IStationGrain>(prefix + "new-compound").GetInfoAsync();
            Assert.Equal(StationLevel.Compound, added?.Level);
            Assert.Equal(prefix + "fenglin", added?.ParentId);
            Assert.Equal(1, (await fenglin.GetCountersAsync()).Open);
            await WaitForAssertionAsync(async () =>
            {
                var overview = await subDistrict.GetOverviewAsync();
                Assert.Equal(72, overview.Stations.Count);
                Assert.Equal(1, overview.Stations.Single(s => s.Station.Id == prefix + "fenglin").Open);
            }, TimeSpan.FromSeconds(10));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
