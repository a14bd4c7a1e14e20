using Microsoft.Extensions.Logging;

namespace GuoduActors.Grains;

[GenerateSerializer]
public sealed class TicketState
{
    [Id(0)] public bool Created { get; set; }
    [Id(1)] public string StationId { get; set; } = "";
    [Id(2)] public string OwnerStationId { get; set; } = "";
    [Id(3)] public TicketStatus Status { get; set; }
    [Id(4)] public string Description { get; set; } = "";
    [Id(5)] public string? CategoryCode { get; set; }
    [Id(6)] public string? ResidentName { get; set; }
    [Id(7)] public string ResidentPhone { get; set; } = "";
    [Id(8)] public string? Address { get; set; }
    [Id(9)] public DateTimeOffset RegisteredAt { get; set; }
    [Id(10)] public string RequestKey { get; set; } = "";
    [Id(11)] public List<TimelineEntry> Timeline { get; set; } = [];
    [Id(12)] public string PriorityClass { get; set; } = "";
    [Id(13)] public string? TeamId { get; set; }
    [Id(14)] public DateTimeOffset? FirstResponseDue { get; set; }
    [Id(15)] public DateTimeOffset? ResolutionDue { get; set; }
    [Id(16)] public DateTimeOffset? FirstRespondedAt { get; set; }
    [Id(17)] public DateTimeOffset? ResolvedAt { get; set; }
    [Id(18)] public DateTimeOffset? ClosedAt { get; set; }
    [Id(19)] public int? Rating { get; set; }
    [Id(20)] public string? RatingComment { get; set; }
    [Id(21)] public int EscalationCount { get; set; }
    [Id(22)] public int DeadlineVersion { get; set; }
    [Id(23)] public string? CancelReason { get; set; }
    [Id(24)] public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Clock time left on each deadline while the ticket waits on the resident.</summary>
    [Id(25)] public TimeSpan? PausedFirstResponse { get; set; }
    [Id(26)] public TimeSpan? PausedResolution { get; set; }
    [Id(27)] public bool FirstResponseLate { get; set; }
    [Id(28)] public bool ResolutionLate { get; set; }
    /// <summary>The previous owner, from the write that moved the ticket until that station confirms it forgot the ticket.</summary>
    [Id(29)] public string? UnforgottenOwnerId { get; set; }
    /// <summary>A hash of the registration request's content: the same request key with other content is refused.</summary>
    [Id(30)] public string RequestFingerprint { get; set; } = "";

    public TicketState Copy()
    {
        var copy = (TicketState)MemberwiseClone();
        copy.Timeline = [.. Timeline];
        return copy;
    }

    /// <summary>
    /// A new ticket as registered at <paramref name="stationId"/> now: deadlines from the catalogue's service classes, the
    /// registration as the first timeline entry. Refuses (as <see cref="RefusalKind.Invalid"/>) what no ticket may hold.
    /// </summary>
    public static TicketState Register(string stationId, NewTicket ticket, string requestKey, string fingerprint, string actor,
        ITicketPolicy policy, DateTimeOffset now)
    {
        var errors = TicketRules.Validate(ticket);
        if (errors.Count > 0)
            throw DomainRefusalException.Invalid(string.Join(" ", errors.Values.SelectMany(v => v)));
        if (ticket.CategoryCode is { } code && !policy.IsKnownCategory(code))
            throw DomainRefusalException.Invalid($"Unknown category '{code}'.");
        var category = ticket.CategoryCode ?? policy.DefaultCategory;
        var priority = policy.PriorityOf(category);
        return new TicketState
        {
            Created = true,
            StationId = stationId,
            OwnerStationId = stationId,
            Status = TicketStatus.Registered,
            Description = ticket.Description.Trim(),
            CategoryCode = ticket.CategoryCode,
            ResidentName = ticket.ResidentName?.Trim(),
            ResidentPhone = ticket.ResidentPhone.Trim(),
            Address = ticket.Address?.Trim(),
            RegisteredAt = now,
            UpdatedAt = now,
            RequestKey = requestKey,
            RequestFingerprint = fingerprint,
            PriorityClass = priority,
            FirstResponseDue = policy.Due(SlaClock.FirstResponse, category, priority, now),
            ResolutionDue = policy.Due(SlaClock.Resolution, category, priority, now),
            DeadlineVersion = 1,
            Timeline = [new TimelineEntry(now, actor, "register", null, TicketStatus.Registered, null, stationId)],
        };
    }

    public TicketSnapshot ToSnapshot(string ticketId) => new()
    {
        Id = ticketId, StationId = StationId, OwnerStationId = OwnerStationId, Status = Status, Description = Description,
        CategoryCode = CategoryCode, ResidentName = ResidentName, ResidentPhone = ResidentPhone, Address = Address,
        RegisteredAt = RegisteredAt, Timeline = Timeline.ToList(), PriorityClass = PriorityClass, TeamId = TeamId,
        FirstResponseDue = FirstResponseDue, ResolutionDue = ResolutionDue, FirstRespondedAt = FirstRespondedAt,
        ResolvedAt = ResolvedAt, ClosedAt = ClosedAt, Rating = Rating, RatingComment = RatingComment,
        EscalationCount = EscalationCount, DeadlineVersion = DeadlineVersion, CancelReason = CancelReason, UpdatedAt = UpdatedAt,
        FirstResponseLate = FirstResponseLate, ResolutionLate = ResolutionLate,
    };
}

public sealed partial class TicketGrain(
    [PersistentState("ticket", GrainStorage.Tickets)] IPersistentState<TicketState> state,
    ITicketPolicy policy,
    TimeProvider time,
    ILogger<TicketGrain> logger) : Grain, ITicketGrain
{
    private static readonly TimeSpan RetellPeriod = TimeSpan.FromSeconds(1);
    private readonly List<Func<Task>> _untold = [];
    private IGrainTimer? _retelling;

    private string TicketId => this.GetPrimaryKeyString();

    public Task<TicketSnapshot?> GetAsync()
    {
        if (state.State.Created)
            return Task.FromResult<TicketSnapshot?>(Snapshot(state.State));
        ForgetAbsence();
        return Task.FromResult<TicketSnapshot?>(null);
    }

    public Task<TicketSnapshot> ClassifyAsync(Actor actor, string categoryCode, string? note)
    {
        if (!policy.IsKnownCategory(categoryCode))
            throw DomainRefusalException.Invalid($"Unknown category '{categoryCode}'.");
        return ApplyAsync(TicketCommand.Classify, actor, note, next =>
        {
            next.CategoryCode = categoryCode;
            // Before any escalation the deadlines follow the category; after one, the raised priority stands.
            if (next.EscalationCount == 0)
            {
                next.PriorityClass = policy.PriorityOf(categoryCode);
                if (next.FirstRespondedAt is null)
                    next.FirstResponseDue = policy.Due(SlaClock.FirstResponse, categoryCode, next.PriorityClass, next.RegisteredAt);
                next.ResolutionDue = RunningResolutionDue(next, categoryCode);
                next.DeadlineVersion++;
            }
        }, detail: categoryCode);
    }

    public async Task<TicketSnapshot> AssignToStationAsync(Actor actor, string stationId, string? note)
    {
        RequireCreated();
        RequireText(stationId, "station id");
        if (stationId != state.State.OwnerStationId)
        {
            var target = await GrainFactory.GetGrain<IStationGrain>(stationId).GetInfoAsync()
                ?? throw DomainRefusalException.NotFound($"No station '{stationId}' is in the roster.");
            if (target.ParentId != state.State.OwnerStationId)
                throw DomainRefusalException.Invalid($"Station '{stationId}' is not a level-2 station of '{state.State.OwnerStationId}', which owns the ticket.");
        }
        return await ApplyAsync(TicketCommand.AssignToStation, actor, note, next => next.OwnerStationId = stationId, detail: stationId);
    }

    public async Task<TicketSnapshot> AssignToTeamAsync(Actor actor, string teamId, string? note)
    {
        RequireCreated();
        RequireText(teamId, "team id");
        Authorize(TicketCommand.AssignToTeam, actor);
        TicketLifecycle.Next(TicketCommand.AssignToTeam, state.State.Status);
        var category = state.State.CategoryCode ?? policy.DefaultCategory;
        var team = GrainFactory.GetGrain<IVolunteerTeamGrain>(teamId);
        if (await team.GetInfoAsync() is null)
            throw DomainRefusalException.NotFound($"No volunteer team '{teamId}' is in the roster.");
        // The team is the authority on its capacity: it accepts the offer before the ticket records it.
        await team.OfferJobAsync(TicketId, state.State.OwnerStationId, state.State.CategoryCode, policy.SkillsFor(category));
        try
        {
            return await ApplyAsync(TicketCommand.AssignToTeam, actor, note, next => next.TeamId = teamId, detail: teamId);
        }
        catch
        {
            await team.ReleaseJobAsync(TicketId, "assignment failed");
            throw;
        }
    }

    public Task<TicketSnapshot> StartAsync(Actor actor, string? note) => ApplyAsync(TicketCommand.Start, actor, note, _ => { });

    public Task<TicketSnapshot> WaitOnResidentAsync(Actor actor, string note) =>
        ApplyAsync(TicketCommand.WaitOnResident, actor, RequireText(note, "note"), next =>
        {
            var now = time.GetUtcNow();
            var category = next.CategoryCode ?? policy.DefaultCategory;
            next.PausedFirstResponse = next.FirstResponseDue is { } f ? policy.Remaining(category, now, f) : null;
            next.PausedResolution = next.ResolutionDue is { } r ? policy.Remaining(category, now, r) : null;
            next.FirstResponseDue = null;
            next.ResolutionDue = null;
            next.DeadlineVersion++;
        });

    public Task<TicketSnapshot> ResumeAsync(Actor actor, string? note) =>
        ApplyAsync(TicketCommand.Resume, actor, note, next =>
        {
            var now = time.GetUtcNow();
            var category = next.CategoryCode ?? policy.DefaultCategory;
            next.FirstResponseDue = next.PausedFirstResponse is { } f ? policy.Resume(category, now, f) : null;
            next.ResolutionDue = next.PausedResolution is { } r ? policy.Resume(category, now, r) : null;
            next.PausedFirstResponse = null;
            next.PausedResolution = null;
            next.DeadlineVersion++;
        });

    // Resolved by anyone but the team (whose CompleteJobAsync records the job itself), an offered or active job is released.
    public Task<TicketSnapshot> ResolveAsync(Actor actor, string note) =>
        ApplyAsync(TicketCommand.Resolve, actor, RequireText(note, "note"), next =>
        {
            next.ResolutionLate |= next.ResolutionDue is { } due && time.GetUtcNow() > due;
            next.ResolvedAt = time.GetUtcNow();
            next.FirstResponseDue = null;
            next.ResolutionDue = null;
            next.DeadlineVersion++;
        }, effect: TicketCountEffect.Resolved, releaseTeam: true);

    public Task<TicketSnapshot> CloseAsync(Actor actor, int rating, string? comment)
    {
        if (rating is < 1 or > 5)
            throw DomainRefusalException.Invalid("The rating must be a whole number from 1 to 5.");
        if (comment is { Length: > 500 })
            throw DomainRefusalException.Invalid("The comment must be at most 500 characters.");
        return ApplyAsync(TicketCommand.Close, actor, comment, next =>
        {
            next.Rating = rating;
            next.RatingComment = comment;
            next.ClosedAt = time.GetUtcNow();
        }, detail: $"rating {rating}");
    }

    public Task<TicketSnapshot> ReopenAsync(Actor actor, string reason)
    {
        RequireCreated();
        if (state.State.ResolvedAt is { } resolvedAt && time.GetUtcNow() - resolvedAt > TicketLifecycle.ReopenWindow)
            throw DomainRefusalException.Conflict($"A resolution can be disputed within {TicketLifecycle.ReopenWindow.TotalDays:0} days; this one was on {resolvedAt:yyyy-MM-dd}.");
        return ApplyAsync(TicketCommand.Reopen, actor, RequireText(reason, "reason"), next =>
        {
            var now = time.GetUtcNow();
            next.ResolvedAt = null;
            next.ClosedAt = null;
            next.ResolutionDue = policy.Due(SlaClock.Resolution, next.CategoryCode ?? policy.DefaultCategory, next.PriorityClass, now);
            next.DeadlineVersion++;
        }, effect: TicketCountEffect.Reopened);
    }

    public Task<TicketSnapshot> CancelAsync(Actor actor, string reason) =>
        ApplyAsync(TicketCommand.Cancel, actor, RequireText(reason, "reason"), next =>
        {
            next.CancelReason = reason;
            next.FirstResponseDue = null;
            next.ResolutionDue = null;
            next.DeadlineVersion++;
        }, releaseTeam: true);

    public async Task<TicketSnapshot> HandBackAsync(Actor actor, string reason)
    {
        RequireCreated();
        var owner = await Owner(state.State.OwnerStationId).GetInfoAsync();
        if (owner is not { Level: StationLevel.Compound })
            throw DomainRefusalException.Conflict("Only a level-2 station hands a ticket back to its level-1 station.");
        return await ApplyAsync(TicketCommand.HandBack, actor, RequireText(reason, "reason"), next =>
        {
            next.OwnerStationId = owner.ParentId;
            next.TeamId = null;
        }, detail: owner.ParentId, releaseTeam: true);
    }

    public Task<TicketSnapshot> TeamDeclineAsync(Actor actor, string reason) =>
        ApplyAsync(TicketCommand.TeamDecline, actor, RequireText(reason, "reason"), next => next.TeamId = null);

    public async Task<TicketSnapshot?> EscalateAsync(SlaClock clock, int deadlineVersion, string toOwnerId)
    {
        var current = state.State;
        var due = clock == SlaClock.FirstResponse ? current.FirstResponseDue : current.ResolutionDue;
        // Exactly once per deadline: the version names the deadline the sweep saw; any change since (an escalation,
        // a response, a pause) makes the call stale.
        if (!current.Created || current.DeadlineVersion != deadlineVersion || due is null || due > time.GetUtcNow()
            || !TicketLifecycle.IsAllowed(TicketCommand.Escalate, current.Status))
            return null;

        var from = current.OwnerStationId;
        return await ApplyAsync(TicketCommand.Escalate, Actor.System, $"{clock} deadline {due:O} passed at '{from}'", next =>
        {
            var now = time.GetUtcNow();
            var category = next.CategoryCode ?? policy.DefaultCategory;
            next.OwnerStationId = toOwnerId;
            next.TeamId = null;
            next.PriorityClass = policy.Raise(next.PriorityClass);
            next.EscalationCount++;
            if (clock == SlaClock.FirstResponse)
                next.FirstResponseLate = true;
            else
                next.ResolutionLate = true;
            if (clock == SlaClock.FirstResponse)
                next.FirstResponseDue = policy.Due(SlaClock.FirstResponse, category, next.PriorityClass, now);
            else
                next.ResolutionDue = policy.Due(SlaClock.Resolution, category, next.PriorityClass, now);
            next.DeadlineVersion++;
        }, detail: toOwnerId, releaseTeam: true);
    }

    /// <summary>
    /// One command, start to finish: check the transition and the actor, compute the next state aside, record it in
    /// the stations' projections and in storage, and only then let this activation see it.
    /// </summary>
    private async Task<TicketSnapshot> ApplyAsync(
        TicketCommand command, Actor actor, string? note, Action<TicketState> change,
        string? detail = null, TicketCountEffect effect = TicketCountEffect.None, bool releaseTeam = false)
    {
        RequireCreated();
        var current = state.State;
        // Scope first: someone outside it learns nothing about the ticket, not even its status.
        Authorize(command, actor);
        var nextStatus = TicketLifecycle.Next(command, current.Status);
        if (note is { Length: > TicketRules.MaxDescriptionLength })
            throw DomainRefusalException.Invalid($"A note must be at most {TicketRules.MaxDescriptionLength} characters.");

        var next = current.Copy();
        next.Status = nextStatus;
        change(next);
        var now = time.GetUtcNow();
        if (TicketLifecycle.IsFirstResponse(command) && next.FirstRespondedAt is null)
        {
            next.FirstResponseLate |= current.FirstResponseDue is { } responseDue && now > responseDue;
            next.FirstRespondedAt = now;
            next.FirstResponseDue = null;
            next.DeadlineVersion++;
        }
        next.UpdatedAt = now;
        var action = detail is null ? Name(command) : $"{Name(command)}:{detail}";
        next.Timeline.Add(new TimelineEntry(now, actor.UserId, action, current.Status, nextStatus, note, next.OwnerStationId));

        await CommitAsync(next, effect);
        if (releaseTeam && current.TeamId is { } teamId && actor.Role != ActorRole.TeamLead)
            await GrainFactory.GetGrain<IVolunteerTeamGrain>(teamId).ReleaseJobAsync(TicketId, action);
        return Snapshot(state.State);
    }

    /// <summary>
    /// The write protocol that keeps the stations' deadline indexes a superset of the truth: a new owner learns of
    /// the ticket before the state is written (so no deadline can be missed if this silo dies), the old owner
    /// forgets it after. A station that holds a stale entry is corrected by <see cref="EscalateAsync"/> returning null.
    /// What a station must hear after the write (the owner's new row, or the old owner's forgetting) is told again
    /// until it is heard, should the station not answer at first (<see cref="TellAsync"/>).
    /// </summary>
    private async Task CommitAsync(TicketState next, TicketCountEffect effect)
    {
        var previousOwner = state.State.Created ? state.State.OwnerStationId : null;
        var row = Row(next);
        var ownerChanged = previousOwner != next.OwnerStationId;
        if (ownerChanged)
            await Owner(next.OwnerStationId).TrackAsync(row, effect);

        if (ownerChanged && previousOwner is not null)
            next.UnforgottenOwnerId = previousOwner;
        var previous = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }

        // The change is stored, so it stands and is acknowledged even if a station does not answer now (its silo died, say):
        // failing the command would tell the client that nothing changed, and its retry would be refused. The station
        // hears of the change once it answers again, so lists and counters do not stay behind the ticket.
        if (!ownerChanged)
            await TellAsync(() => Owner(state.State.OwnerStationId).TrackAsync(Row(state.State), effect));
        else if (previousOwner is not null)
            await TellAsync(() => ForgetAtAsync(previousOwner));
    }

    /// <summary>
    /// Should this ticket's silo have died between storing a change and telling the stations, the next activation finishes
    /// the job: its owner reconciles the ticket's row (a no-op when it holds it already), and a ticket that moved, which
    /// records its previous owner with the move until that station forgot it, has it forgotten — so no station keeps
    /// listing a ticket it lost, or listing it as it was.
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.State.Created)
            return;
        await TellAsync(() => Owner(state.State.OwnerStationId).ReconcileAsync(Row(state.State)));
        if (state.State.UnforgottenOwnerId is { } previousOwner)
            await TellAsync(() => ForgetAtAsync(previousOwner));
    }

    private async Task ForgetAtAsync(string previousOwner)
    {
        if (previousOwner != state.State.OwnerStationId)
            await Owner(previousOwner).ForgetAsync(TicketId);
        if (state.State.UnforgottenOwnerId == previousOwner)
            state.State.UnforgottenOwnerId = null;
    }

    /// <summary>Tells a station of a stored change now, or, if it does not answer, every <see cref="RetellPeriod"/> until it does.</summary>
    private async Task TellAsync(Func<Task> tell)
    {
        try
        {
            await tell();
        }
        catch (Exception e) when (e is not DomainRefusalException)
        {
            logger.LogWarning(e, "Ticket {Ticket} will tell its station of a change again", TicketId);
            _untold.Add(tell);
            _retelling ??= this.RegisterGrainTimer(static (grain, _) => grain.RetellAsync(), this,
                new GrainTimerCreationOptions(RetellPeriod, RetellPeriod) { KeepAlive = true });
        }
    }

    /// <summary>Tells the stations what they missed, oldest first, until all have heard (a refusal means the news is stale).</summary>
    private async Task RetellAsync()
    {
        while (_untold.Count > 0)
        {
            try
            {
                await _untold[0]();
            }
            catch (Exception e) when (e is not DomainRefusalException)
            {
                logger.LogDebug(e, "Ticket {Ticket}: a station still does not answer", TicketId);
                return;
            }
            catch (DomainRefusalException)
            {
            }
            _untold.RemoveAt(0);
        }
        _retelling?.Dispose();
        _retelling = null;
    }

    /// <summary>
    /// The resolution deadline of the running clock for <paramref name="categoryCode"/>: it started at the last reopening
    /// (or at registration) and stood still while the ticket waited on the resident since then.
    /// </summary>
    private DateTimeOffset RunningResolutionDue(TicketState s, string categoryCode)
    {
        var start = s.Timeline.LastOrDefault(e => e.Action == Name(TicketCommand.Reopen))?.At ?? s.RegisteredAt;
        var paused = TimeSpan.Zero;
        DateTimeOffset? waitingSince = null;
        foreach (var entry in s.Timeline.Where(e => e.At >= start))
        {
            if (entry.ToStatus == TicketStatus.WaitingOnResident)
                waitingSince = entry.At;
            else if (entry.FromStatus == TicketStatus.WaitingOnResident && waitingSince is { } since)
            {
                paused += policy.Remaining(categoryCode, since, entry.At);
                waitingSince = null;
            }
        }
        return policy.Resume(categoryCode, policy.Due(SlaClock.Resolution, categoryCode, s.PriorityClass, start), paused);
    }

    private void Authorize(TicketCommand command, Actor actor)
    {
        var s = state.State;
        if (!TicketLifecycle.MayPerform(command, actor, s.OwnerStationId, s.TeamId, s.ResidentPhone))
            throw new DomainRefusalException(RefusalKind.Forbidden, $"'{actor.UserId}' may not {Name(command)} ticket '{TicketId}', which belongs to '{s.OwnerStationId}'.");
    }

    private void RequireCreated()
    {
        if (state.State.Created)
            return;
        ForgetAbsence();
        throw DomainRefusalException.NotFound($"No ticket '{TicketId}' exists.");
    }

    /// <summary>
    /// New tickets are stored by the station's intake, not through this grain: an activation that found no ticket must not
    /// outlive the call, or it would keep answering "no such ticket" after the intake stored one under its id.
    /// </summary>
    private void ForgetAbsence() => DeactivateOnIdle();

    private static string RequireText(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? throw DomainRefusalException.Invalid($"A {field} is required.") : text.Trim();

    private static string Name(TicketCommand command) =>
        string.Concat(command.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private IStationGrain Owner(string stationId) => GrainFactory.GetGrain<IStationGrain>(stationId);

    private TicketRow Row(TicketState s) => TicketRow.From(Snapshot(s));

    private TicketSnapshot Snapshot(TicketState s) => s.ToSnapshot(TicketId);
}
