namespace GuoduActors.Tests.Cluster;

/// <summary>
/// A station finding and escalating its overdue deadlines. A cluster of its own: these tests move the clock, which
/// would make every other test's tickets overdue.
/// </summary>
public sealed class SweepTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const string Compound = "bolangfeng";
    private const string Community = "fenglin";

    [Fact]
    public async Task CountingDueDeadlinesFindsWhatTheSweepThenEscalatesAndTheOverviewFollowsWhenTheSweepEnds()
    {
        var station = fixture.Client.GetGrain<IStationGrain>(Compound);
        for (var i = 0; i < 3; i++)
            await station.RegisterTicketAsync(Tickets.Sample(), Tickets.NewKey());
        var before = await StationLedger.SettledAsync(fixture.Client, "guodu");
        Assert.Equal(0, (await station.CountDueAsync()).Checked);

        // With the station inactive, moving the clock runs no sweep timer: the station finds the deadlines itself.
        await fixture.Cluster.DeactivateAsync(station);
        fixture.Time.Advance(TimeSpan.FromHours(48));

        var due = await station.CountDueAsync();
        var sweep = await station.SweepAsync();
        var after = await StationLedger.SettledAsync(fixture.Client, "guodu");

        // Public facilities answer within 24 h and resolve within 7 days: two days on, one deadline of each ticket has passed.
        Assert.Equal(3, due.Checked);
        Assert.Equal((3, 3), (sweep.Checked, sweep.Escalated));
        Assert.Equal(0, (await station.CountDueAsync()).Checked);
        Assert.Equal(before[Compound].Open - 3, after[Compound].Open);
        Assert.Equal(before[Community].Open + 3, after[Community].Open);
        await WaitForAssertionAsync(async () =>
        {
            var overview = await fixture.SubDistrict.GetOverviewAsync();
            Assert.Equal(3, overview.Stations.Single(s => s.Station.Id == Compound).EscalatedTotal);
        }, TimeSpan.FromSeconds(10));
    }
}
