namespace GuoduActors.Grains;

[GenerateSerializer]
public sealed class VolunteerTeamState
{
    [Id(0)] public TeamInfo? Info { get; set; }
    [Id(1)] public List<TeamMember> Members { get; set; } = [];
    [Id(2)] public List<DutySlot> Duty { get; set; } = [];
    /// <summary>Jobs offered or active, and the most recent finished ones (a bounded window).</summary>
    [Id(3)] public List<TeamJob> Jobs { get; set; } = [];
    [Id(4)] public long Completed { get; set; }
    [Id(5)] public double HoursServed { get; set; }
    [Id(6)] public Dictionary<string, double> HoursByMember { get; set; } = new(StringComparer.Ordinal);
    [Id(7)] public Dictionary<string, int> JobsByMember { get; set; } = new(StringComparer.Ordinal);
}

public sealed class VolunteerTeamGrain(
    [PersistentState("team", GrainStorage.Default)] IPersistentState<VolunteerTeamState> state,
    TimeProvider time) : Grain, IVolunteerTeamGrain
{
    private const int FinishedJobsKept = 200;
    private const double MaxHoursPerJob = 200;

    private string TeamId => this.GetPrimaryKeyString();

    public async Task ConfigureAsync(TeamInfo team)
    {
        if (team.Id != TeamId)
            throw DomainRefusalException.Invalid($"Team entry '{team.Id}' cannot configure team '{TeamId}'.");
        if (team.SameAs(state.State.Info))
            return;
        state.State.Info = team;
        await SaveAsync();
    }

    public Task<TeamInfo?> GetInfoAsync() => Task.FromResult(state.State.Info);

    public Task<TeamView> GetAsync() => Task.FromResult(View());

    public async Task<TeamView> UpdateMembersAsync(Actor actor, IReadOnlyList<TeamMember> members, IReadOnlyList<DutySlot> duty)
    {
        RequireLead(actor);
        // JSON can carry nulls where the records promise none.
        if (members.Any(m => m is null) || duty.Any(d => d?.MemberIds is null))
            throw DomainRefusalException.Invalid("Members and duty slots must be objects, each duty slot with its member ids.");
        if (members.Count > 500 || members.Select(m => m.Id).Distinct(StringComparer.Ordinal).Count() != members.Count)
            throw DomainRefusalException.Invalid("Members need distinct ids (at most 500 members).");
        if (members.Any(m => string.IsNullOrWhiteSpace(m.Id) || string.IsNullOrWhiteSpace(m.Name) || m.Name.Length > 50))
            throw DomainRefusalException.Invalid("Every member needs an id and a name of at most 50 characters.");
        var known = members.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        if (duty.Any(d => d.To <= d.From || d.MemberIds.Any(id => !known.Contains(id))))
            throw DomainRefusalException.Invalid("Each duty slot must end after it starts and name only members of the team.");
        state.State.Members = [.. members];
        state.State.Duty = [.. duty];
        await SaveAsync();
        return View();
    }

    public async Task OfferJobAsync(string ticketId, string routingStationId, string? categoryCode, IReadOnlyList<string> skillsNeeded)
    {
        var info = RequireInfo();
        if (Find(ticketId) is { Status: JobStatus.Offered or JobStatus.Active })
            return;
        if (skillsNeeded.Count > 0 && !skillsNeeded.Intersect(info.Skills, StringComparer.Ordinal).Any())
            throw DomainRefusalException.Conflict($"Team '{TeamId}' has none of the skills this matter needs ({string.Join(", ", skillsNeeded)}).");
        if (Load() >= info.Capacity)
            throw DomainRefusalException.Conflict($"Team '{TeamId}' is at capacity ({info.Capacity} concurrent jobs).");
        state.State.Jobs.Add(new TeamJob(ticketId, JobStatus.Offered, routingStationId, categoryCode, time.GetUtcNow(), null, null, 0, [], null));
        await SaveAsync();
    }

    public async Task<TeamView> AcceptJobAsync(Actor actor, string ticketId, IReadOnlyList<string> memberIds)
    {
        RequireLead(actor);
        var job = RequireJob(ticketId, JobStatus.Offered);
        RequireMembers(memberIds);
        // The ticket is the authority on its lifecycle: it moves first, and the team records the job only if it did.
        await GrainFactory.GetGrain<ITicketGrain>(ticketId).StartAsync(AsTeam(actor), $"accepted by {TeamId}");
        // ToList, not [.. memberIds]: into an IReadOnlyList that makes a compiler-generated type, which the Azure Table
        // storage's JSON writes by name and then refuses to read back: the team, and the host's start, would fail.
        await ReplaceAsync(job, job with { Status = JobStatus.Active, AcceptedAt = time.GetUtcNow(), MemberIds = memberIds.ToList() });
        return View();
    }

    public async Task<TeamView> DeclineJobAsync(Actor actor, string ticketId, string reason)
    {
        RequireLead(actor);
        var job = RequireJob(ticketId, JobStatus.Offered);
        await GrainFactory.GetGrain<ITicketGrain>(ticketId).TeamDeclineAsync(AsTeam(actor), reason);
        await ReplaceAsync(job, job with { Status = JobStatus.Declined, FinishedAt = time.GetUtcNow(), Note = reason });
        return View();
    }

    public async Task<TeamView> CompleteJobAsync(Actor actor, string ticketId, double hours, string note)
    {
        RequireLead(actor);
        if (!double.IsFinite(hours) || hours <= 0 || hours > MaxHoursPerJob)
            throw DomainRefusalException.Invalid($"Hours served must be more than 0 and at most {MaxHoursPerJob}.");
        var job = RequireJob(ticketId, JobStatus.Active);
        await GrainFactory.GetGrain<ITicketGrain>(ticketId).ResolveAsync(AsTeam(actor), note);

        state.State.Completed++;
        state.State.HoursServed += hours;
        var members = job.MemberIds.Count > 0 ? job.MemberIds : [TeamId];
        foreach (var member in members)
        {
            state.State.HoursByMember[member] = state.State.HoursByMember.GetValueOrDefault(member) + hours / members.Count;
            state.State.JobsByMember[member] = state.State.JobsByMember.GetValueOrDefault(member) + 1;
        }
        await ReplaceAsync(job, job with { Status = JobStatus.Completed, FinishedAt = time.GetUtcNow(), Hours = hours, Note = note });
        return View();
    }

    public async Task ReleaseJobAsync(string ticketId, string reason)
    {
        if (Find(ticketId) is { Status: JobStatus.Offered or JobStatus.Active } job)
            await ReplaceAsync(job, job with { Status = JobStatus.Released, FinishedAt = time.GetUtcNow(), Note = reason });
    }

    private async Task ReplaceAsync(TeamJob job, TeamJob replacement)
    {
        var jobs = state.State.Jobs;
        jobs[jobs.IndexOf(job)] = replacement;
        // Keep every live job and only the most recent finished ones: state must stay small.
        var finished = jobs.Where(j => j.Status is not (JobStatus.Offered or JobStatus.Active)).ToList();
        foreach (var old in finished.OrderByDescending(j => j.FinishedAt).Skip(FinishedJobsKept))
            jobs.Remove(old);
        await SaveAsync();
    }

    /// <summary>Writes the state; after a failed write the activation goes, so no change that was not stored is ever served.</summary>
    private async Task SaveAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

    /// <summary>
    /// The team acts on its tickets as the team, whoever (its lead, or a leader) asked it to: the caller was checked by
    /// <see cref="RequireLead"/>, and a ticket told by its team does not call the team back (which would deadlock).
    /// </summary>
    private Actor AsTeam(Actor actor) => actor.Role == ActorRole.TeamLead ? actor : Actor.TeamLead(actor.UserId, TeamId);

    private int Load() => state.State.Jobs.Count(j => j.Status is JobStatus.Offered or JobStatus.Active);

    private TeamJob? Find(string ticketId) => state.State.Jobs.LastOrDefault(j => j.TicketId == ticketId);

    private TeamJob RequireJob(string ticketId, JobStatus status) =>
        Find(ticketId) is { } job && job.Status == status
            ? job
            : throw DomainRefusalException.Conflict($"Team '{TeamId}' has no {status.ToString().ToLowerInvariant()} job for ticket '{ticketId}'.");

    private TeamInfo RequireInfo() =>
        state.State.Info ?? throw DomainRefusalException.NotFound($"No volunteer team '{TeamId}' is in the roster.");

    private void RequireLead(Actor actor)
    {
        RequireInfo();
        if (!(actor.Role is ActorRole.Leader or ActorRole.System || (actor.Role == ActorRole.TeamLead && actor.TeamId == TeamId)))
            throw new DomainRefusalException(RefusalKind.Forbidden, $"'{actor.UserId}' does not lead team '{TeamId}'.");
    }

    private void RequireMembers(IReadOnlyList<string> memberIds)
    {
        var unknown = memberIds.Where(id => state.State.Members.All(m => m.Id != id)).ToList();
        if (unknown.Count > 0)
            throw DomainRefusalException.Invalid($"Not members of team '{TeamId}': {string.Join(", ", unknown)}.");
    }

    private TeamView View()
    {
        var s = state.State;
        var info = s.Info ?? throw DomainRefusalException.NotFound($"No volunteer team '{TeamId}' is in the roster.");
        return new TeamView(info, s.Members.ToList(), s.Duty.ToList(), s.Jobs.ToList(),
            s.Jobs.Count(j => j.Status == JobStatus.Offered), s.Jobs.Count(j => j.Status == JobStatus.Active),
            s.Completed, s.HoursServed, new Dictionary<string, double>(s.HoursByMember), new Dictionary<string, int>(s.JobsByMember));
    }
}
