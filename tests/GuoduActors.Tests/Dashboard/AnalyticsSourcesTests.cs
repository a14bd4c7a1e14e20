using GuoduActors.Dashboard.Services.Analytics;

namespace GuoduActors.Tests.Dashboard;

/// <summary>The Orleans-backed sources of the analytics pages, against the in-process cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AnalyticsSourcesTests(ClusterFixture fixture)
{
    [Fact]
    public async Task ATeamJobRatedLowIsReadAsTheTeamsHoursAsARatingFromTheProjectionAndAsTheResidentsComment()
    {
        var grains = fixture.Client;
        var leader = Actor.Leader("leader");
        var registered = await grains.GetGrain<IStationGrain>("fenglin").RegisterTicketAsync(Tickets.Sample("厨房下水道堵了"), Tickets.NewKey());
        var ticket = grains.GetGrain<ITicketGrain>(registered.Id);
        var team = grains.GetGrain<IVolunteerTeamGrain>("haoxiujiang");
        await ticket.ClassifyAsync(leader, "plumbing-drains", null);
        await ticket.AssignToTeamAsync(leader, "haoxiujiang", null);
        await team.AcceptJobAsync(leader, registered.Id, []);
        await team.CompleteJobAsync(leader, registered.Id, 2.5, "疏通完毕");
        await ticket.CloseAsync(Actor.Resident(registered.ResidentPhone), 2, "修完第二天又堵了");

        var roster = await new OrleansRosterSource(grains, new SiteContext(fixture.Roster.SubDistrict.Id)).GetRosterAsync();
        Assert.Contains(roster.Teams, t => t.Id == "haoxiujiang");
        var job = (await new OrleansTeamSource(grains).GetTeamAsync("haoxiujiang")).Jobs.Single(j => j.TicketId == registered.Id);
        Assert.Equal((JobStatus.Completed, 2.5), (job.Status, job.Hours));

        var ratings = new ProjectionRatingSource(fixture.Projection, grains);
        var now = fixture.Time.GetUtcNow();
        var rating = Assert.Single(await ratings.GetRatingsAsync(now.AddDays(-1), now.AddDays(1)), r => r.TicketId == registered.Id);
        Assert.Equal((2, "fenglin", "plumbing-drains", now), (rating.Rating, rating.OwnerId, rating.CategoryCode, rating.ClosedAt));
        Assert.DoesNotContain(await ratings.GetRatingsAsync(now.AddDays(1), now.AddDays(2)), r => r.TicketId == registered.Id);

        var comments = await ratings.GetCommentsAsync([registered.Id, "GD-19990101-0001"]);
        Assert.Equal("修完第二天又堵了", comments[registered.Id]);
        // A ticket that cannot be read is left out, so the page can say its comment is unavailable.
        Assert.False(comments.ContainsKey("GD-19990101-0001"));
    }

    [Fact]
    public async Task CommentsAreReadForAtMostFiftyTicketsAtATime()
    {
        var ratings = new ProjectionRatingSource(fixture.Projection, fixture.Client);

        await Assert.ThrowsAsync<ArgumentException>(() => ratings.GetCommentsAsync(Enumerable.Range(0, 51).Select(i => $"GD-20261128-{i:D4}").ToList()));
    }
}
