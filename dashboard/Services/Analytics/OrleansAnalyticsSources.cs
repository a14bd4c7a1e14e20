using GuoduActors.Dashboard.Analytics;

namespace GuoduActors.Dashboard.Services.Analytics;

/// <summary>Reads the roster from the sub-district grain of the site this process serves.</summary>
public sealed class OrleansRosterSource(IGrainFactory grains, SiteContext site) : IRosterSource
{
    public async Task<Roster> GetRosterAsync() =>
        await grains.GetGrain<ISubDistrictGrain>(site.SubDistrictId).GetRosterAsync()
            ?? throw DomainRefusalException.NotFound($"No roster has been applied to sub-district '{site.SubDistrictId}'.");
}

/// <summary>Reads a team from its grain.</summary>
public sealed class OrleansTeamSource(IGrainFactory grains) : ITeamSource
{
    public Task<TeamView> GetTeamAsync(string teamId) => grains.GetGrain<IVolunteerTeamGrain>(teamId).GetAsync();
}

/// <summary>
/// Ratings from the ticket projection (one query of the closed tickets changed since the window began; no ticket grain
/// is activated), and the comments from the few ticket grains asked for: the comment is not part of the projection row.
/// </summary>
public sealed class ProjectionRatingSource(ITicketProjectionStore projection, IGrainFactory grains) : IRatingSource
{
    public async Task<IReadOnlyList<RatedTicket>> GetRatingsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        // A rating is given when the ticket closes, which updates it: every rating since `from` is on a closed row updated since.
        var filter = new TicketFilter { Status = TicketStatus.Closed, UpdatedSince = from };
        var ratings = new List<RatedTicket>();
        await foreach (var row in projection.QueryAsync(filter, cancellationToken))
        {
            if (row is { Rating: { } rating, ClosedAt: { } closedAt } && closedAt >= from && closedAt < to)
                ratings.Add(new RatedTicket(row.TicketId, row.OwnerId, row.CategoryCode, rating, closedAt, row.Description));
        }
        return ratings;
    }

    public async Task<IReadOnlyDictionary<string, string?>> GetCommentsAsync(IReadOnlyCollection<string> ticketIds, CancellationToken cancellationToken = default)
    {
        if (ticketIds.Count > IRatingSource.MaxComments)
            throw new ArgumentException($"At most {IRatingSource.MaxComments} comments are read at a time.", nameof(ticketIds));
        var reads = ticketIds.Distinct(StringComparer.Ordinal).Select(async id =>
        {
            try
            {
                return (Id: id, Ticket: await grains.GetGrain<ITicketGrain>(id).GetAsync());
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // One unreadable ticket must not hide the others' comments; the page says this one is unavailable.
                return (Id: id, Ticket: (TicketSnapshot?)null);
            }
        });
        var read = await Task.WhenAll(reads);
        return read.Where(r => r.Ticket is not null).ToDictionary(r => r.Id, r => r.Ticket!.RatingComment, StringComparer.Ordinal);
    }
}

/// <summary>Reads the weekly reports the Small Affairs Office holds (the office is the station keyed by the sub-district id).</summary>
public sealed class OrleansWeeklyReportSource(IGrainFactory grains, SiteContext site) : IWeeklyReportSource
{
    public Task<IReadOnlyList<WeeklyReport>> GetWeekAsync(DateOnly weekStart) =>
        grains.GetGrain<IStationGrain>(site.SubDistrictId).GetWeeklyReportsAsync(weekStart);

    public Task<IReadOnlyList<WeeklyReport>> CompileAsync(DateOnly weekStart) =>
        grains.GetGrain<ISubDistrictGrain>(site.SubDistrictId).CompileWeeklyReportsAsync(weekStart);
}
