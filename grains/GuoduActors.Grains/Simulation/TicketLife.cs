using System.Globalization;
using GuoduActors.Grains.Sla;
using GuoduActors.Sla;

namespace GuoduActors.Grains.Simulation;

/// <summary>
/// One simulated ticket from registration to the end of the history: the people's steps are drawn, the deadlines and
/// escalations follow the same rules the ticket and station grains apply (see <see cref="TicketGrain"/>, the stations'
/// sweep), so the row looks like one a live ticket would leave.
/// </summary>
internal sealed class TicketLife
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly HistoryGenerator _generator;
    private readonly SimulationProfile _profile;
    private readonly HistoryGenerator.StationModel _station;
    private readonly SimulationRandom _random;
    private readonly DateTimeOffset _until;
    private readonly DateTimeOffset? _finishBy;
    private readonly List<TimelineEntry>? _timeline;
    private readonly List<Resolution> _resolutions = [];

    private TicketStatus _status = TicketStatus.Registered;
    private string _owner;
    private PriorityClass _priority;
    private int _escalations;
    private int _version = 1;
    private DateTimeOffset? _firstResponseDue;
    private DateTimeOffset? _resolutionDue;
    private DateTimeOffset? _firstRespondedAt;
    private DateTimeOffset? _resolvedAt;
    private DateTimeOffset? _closedAt;
    private DateTimeOffset _updatedAt;
    private int? _rating;
    private bool _firstResponseLate;
    private bool _resolutionLate;
    private Resolution? _undone;
    private string _description = "";
    private string _phone = "";
    private string _address = "";

    private TicketLife(HistoryGenerator generator, HistoryGenerator.StationModel station, HistoryGenerator.CategoryModel category,
        SimulationRandom random, DateTimeOffset registeredAt, DateTimeOffset until)
    {
        _generator = generator;
        _profile = generator.Profile;
        _station = station;
        Category = category;
        _random = random;
        _until = until;
        RegisteredAt = registeredAt;
        _updatedAt = registeredAt;
        _owner = station.Info.Id;
        _priority = category.Priority;
        // Only a ticket that can still be open at the end needs its timeline; older ones must be finished by then.
        if (registeredAt >= until - HistoryGenerator.OpenWindow)
            _timeline = [];
        else
            _finishBy = until - TimeSpan.FromHours(1);
    }

    public HistoryGenerator.CategoryModel Category { get; }

    public DateTimeOffset RegisteredAt { get; }

    public bool IsOpen => _status is not (TicketStatus.Resolved or TicketStatus.Closed or TicketStatus.Cancelled);

    public string? TeamId { get; private set; }

    /// <summary>Every resolution before the end, including one a reopening undid: each counts at its station that day.</summary>
    public IReadOnlyList<Resolution> Resolutions => _resolutions;

    private ServiceCategory Service => Category.Category;

    private IServiceClock Clock => Category.Clock;

    public static TicketLife Run(HistoryGenerator generator, HistoryGenerator.StationModel station, HistoryGenerator.CategoryModel category,
        HistoryGenerator.DayModel day, ulong seed, DateTimeOffset until, bool allowTeams)
    {
        var random = new SimulationRandom(seed);
        var life = new TicketLife(generator, station, category, random, RegistrationTime(generator.Profile, category, day, random), until);
        life.Live(allowTeams);
        return life;
    }

    public SimulatedTicket ToTicket(string id)
    {
        var row = new TicketRow
        {
            TicketId = id, OwnerId = _owner, StationId = _station.Info.Id, Status = _status, CategoryCode = Service.Code,
            PriorityClass = _priority.Code, RegisteredAt = RegisteredAt, FirstResponseDue = _firstResponseDue, ResolutionDue = _resolutionDue,
            DeadlineVersion = _version, TeamId = TeamId, Description = _description, EscalationCount = _escalations, UpdatedAt = _updatedAt,
            ResolvedAt = _resolvedAt, Rating = _rating, FirstRespondedAt = _firstRespondedAt, ClosedAt = _closedAt,
            FirstResponseLate = _firstResponseLate, ResolutionLate = _resolutionLate,
        };
        if (!IsOpen)
            return new SimulatedTicket(row, null, _undone);
        var live = new TicketSnapshot
        {
            Id = id, StationId = row.StationId, OwnerStationId = row.OwnerId, Status = row.Status, Description = row.Description,
            CategoryCode = row.CategoryCode, ResidentName = HistoryGenerator.ResidentName, ResidentPhone = _phone, Address = _address,
            RegisteredAt = row.RegisteredAt, Timeline = _timeline ?? [], PriorityClass = row.PriorityClass, TeamId = row.TeamId,
            FirstResponseDue = row.FirstResponseDue, ResolutionDue = row.ResolutionDue, FirstRespondedAt = row.FirstRespondedAt,
            ResolvedAt = row.ResolvedAt, ClosedAt = row.ClosedAt, Rating = row.Rating, EscalationCount = row.EscalationCount,
            DeadlineVersion = row.DeadlineVersion, UpdatedAt = row.UpdatedAt, FirstResponseLate = row.FirstResponseLate,
            ResolutionLate = row.ResolutionLate,
        };
        return new SimulatedTicket(TicketRow.From(live), live, _undone);
    }

    private void Live(bool allowTeams)
    {
        var r = _random;
        // Every draw that does not depend on what happens later comes first and always in the same order, so the run
        // without teams differs from the run with them only where routing does.
        _description = Category.Descriptions[r.Next(Category.Descriptions.Length)];
        _phone = string.Create(CultureInfo.InvariantCulture, $"000-0000-{r.Next(10_000):D4}");
        _address = string.Create(CultureInfo.InvariantCulture, $"模拟地址 {1 + r.Next(30)}号楼{1 + r.Next(4)}单元");
        var teamDraw = r.NextDouble();
        var teamPick = r.NextDouble();
        var compoundDraw = r.NextDouble();
        var compoundPick = r.NextDouble();
        var classifyDelay = Service.Clock == ClockKind.Business ? r.Uniform(5, 40) : r.Uniform(3, 30);
        var routeDelay = r.Uniform(1, 10);
        var firstResponseShare = r.LogNormal(Category.Pace.FirstResponseMedian, Category.Pace.FirstResponseSpread);
        var handlingScale = Math.Clamp(Math.Sqrt(Service.MedianHandlingHours / 1.5), 0.7, 1.4);
        var resolutionShare = r.LogNormal(Category.Pace.ResolutionMedian * handlingScale, Category.Pace.ResolutionSpread);
        var onTheSpot = Service.Clock == ClockKind.Business && Service.MedianHandlingHours <= 1 && r.Chance(_profile.SettledOnTheSpot);
        var handling = Handling();
        var cancelled = r.Chance(_profile.CancelRate);
        var cancelAfter = TimeSpan.FromHours(r.Exponential(8));

        var deadlines = _generator.Sla.Compute(Service, _priority, RegisteredAt);
        _firstResponseDue = deadlines.FirstResponseDue;
        _resolutionDue = deadlines.ResolutionDue;
        Record(RegisteredAt, SimulatedTickets.Actor, "register", null, TicketStatus.Registered, "模拟数据（simulated history）");

        // Intake: field matters are classified within minutes, desk matters in office hours.
        var classifiedAt = Service.Clock == ClockKind.Business ? Clock.Add(RegisteredAt, TimeSpan.FromMinutes(classifyDelay)) : RegisteredAt + TimeSpan.FromMinutes(classifyDelay);
        if (classifiedAt >= _until)
            return;
        _version++;
        Step(classifiedAt, SimulatedTickets.Actor, $"classify:{Service.Code}", TicketStatus.Classified);

        var routedAt = classifiedAt + TimeSpan.FromMinutes(routeDelay);
        if (routedAt >= _until)
            return;
        var teams = Service.Skills.Count == 0 ? [] : _station.Teams.Where(t => t.Skills.Intersect(Service.Skills, StringComparer.Ordinal).Any()).ToList();
        if (allowTeams && teams.Count > 0 && teamDraw < _profile.RouteToTeam)
        {
            TeamId = teams[(int)(teamPick * teams.Count)].Id;
            Step(routedAt, SimulatedTickets.Actor, $"assign-to-team:{TeamId}", TicketStatus.Assigned);
        }
        else
        {
            if (_station.Level == StationLevel.Community && _station.Compounds.Length > 0
                && _profile.FieldWorkGroups.Contains(Service.Group) && compoundDraw < _profile.RouteFieldWorkToCompound)
                _owner = _station.Compounds[(int)(compoundPick * _station.Compounds.Length)];
            Step(routedAt, SimulatedTickets.Actor, $"assign-to-station:{_owner}", TicketStatus.Assigned);
        }

        DateTimeOffset? respondAt = Finish(Max(routedAt + Minute, Clock.Add(RegisteredAt, Share(firstResponseShare, _priority.FirstResponse))), routedAt);
        DateTimeOffset? resolveAt = onTheSpot ? respondAt : Finish(Max(respondAt.Value + handling, Clock.Add(RegisteredAt, Share(resolutionShare, _priority.Resolution))), respondAt.Value);
        DateTimeOffset? cancelAt = null;
        if (cancelled && Finish(Max(routedAt + Minute, RegisteredAt + cancelAfter), routedAt) is var cancelTime && cancelTime < resolveAt)
        {
            cancelAt = cancelTime;
            resolveAt = null;
            if (respondAt >= cancelAt)
                respondAt = null;
        }

        var responded = false;
        var reopened = false;
        while (true)
        {
            // What the people do next: respond, resolve (which also responds) or cancel.
            var next = Min(Min(responded ? null : respondAt, resolveAt), cancelAt) ?? _until;
            var horizon = next < _until ? next : _until;
            // What the owner's sweep sees first: a deadline passing before that.
            var (due, clock) = (responded ? null : _firstResponseDue, _resolutionDue) switch
            {
                ({ } f, { } s) => f <= s ? (f, SlaClock.FirstResponse) : (s, SlaClock.Resolution),
                ({ } f, null) => (f, SlaClock.FirstResponse),
                (null, { } s) => ((DateTimeOffset?)s, SlaClock.Resolution),
                _ => ((DateTimeOffset?)null, SlaClock.Resolution),
            };
            if (due is { } d && d < horizon && OwnerEscalates())
            {
                // The sweep runs within a minute of the deadline; never after what happens next.
                var escalatedAt = Max(d, routedAt) + TimeSpan.FromSeconds(r.Uniform(5, 60));
                if (escalatedAt >= horizon)
                    escalatedAt = Max(d, routedAt);
                Escalate(clock, d, escalatedAt);
                var (median, spread) = OwnerEscalates() ? _profile.AfterEscalation : _profile.AtTheOffice;
                var share = r.LogNormal(median, spread);
                if (clock == SlaClock.FirstResponse && respondAt is { } respond)
                {
                    respondAt = Finish(Max(escalatedAt + Minute, Clock.Add(escalatedAt, Share(share, _priority.FirstResponse))), escalatedAt);
                    if (resolveAt < respondAt)
                        resolveAt = Finish(respondAt.Value + handling, respondAt.Value);
                }
                else if (clock == SlaClock.Resolution && resolveAt is not null)
                {
                    resolveAt = Finish(Max(escalatedAt + Minute, Clock.Add(escalatedAt, Share(share, _priority.Resolution))), escalatedAt);
                    if (!responded && respondAt > resolveAt)
                        respondAt = resolveAt;
                }
                continue;
            }
            if (next >= _until)
                return;

            if (next == cancelAt)
            {
                _firstResponseDue = null;
                _resolutionDue = null;
                _version++;
                Step(next, SimulatedTickets.Actor, "cancel", TicketStatus.Cancelled, HistoryGenerator.CancelReason);
                return;
            }
            if (next != resolveAt)
            {
                Respond(next);
                responded = true;
                Step(next, SimulatedTickets.Actor, "start", TicketStatus.InProgress);
                continue;
            }

            if (!responded)
                Respond(next);
            responded = true;
            _resolutionLate |= _resolutionDue < next;
            _resolvedAt = next;
            _firstResponseDue = null;
            _resolutionDue = null;
            _version++;
            _resolutions.Add(new Resolution(_owner, next));
            Step(next, SimulatedTickets.Actor, "resolve", TicketStatus.Resolved, "已办结（模拟）");

            if (!reopened && r.Chance(_profile.ReopenRate) && next + TimeSpan.FromHours(r.Uniform(2, 156)) is var reopenAt
                && reopenAt < (_finishBy ?? _until))
            {
                // The resident disputes within the 7-day window; the station settles it again against a fresh deadline.
                reopened = true;
                _undone = _resolutions[^1];
                _resolvedAt = null;
                _resolutionDue = _generator.Sla.Compute(Service, _priority, reopenAt).ResolutionDue;
                _version++;
                Step(reopenAt, "resident", "reopen", TicketStatus.Reopened, "问题仍未解决（模拟）");
                var again = r.LogNormal(_profile.AfterEscalation.Median, _profile.AfterEscalation.Spread);
                resolveAt = Finish(Max(reopenAt + handling, Clock.Add(reopenAt, Share(again, _priority.Resolution))), reopenAt);
                cancelAt = null;
                continue;
            }
            if (r.Chance(_profile.CloseRate))
            {
                var closeAt = next + TimeSpan.FromHours(Math.Min(r.Exponential(18), 144)) + TimeSpan.FromMinutes(5);
                if (closeAt < _until)
                {
                    var late = _firstResponseLate || _resolutionLate || _escalations > 0;
                    _rating = 1 + r.Pick(reopened ? _profile.RatingsReopened : late ? _profile.RatingsLate : _profile.RatingsOnTime);
                    _closedAt = closeAt;
                    Step(closeAt, "resident", $"close:rating {_rating}", TicketStatus.Closed);
                }
            }
            return;
        }
    }

    private void Respond(DateTimeOffset at)
    {
        _firstResponseLate |= _firstResponseDue < at;
        _firstRespondedAt = at;
        _firstResponseDue = null;
        _version++;
    }

    /// <summary>The sweep's escalation: one level up, the priority raised, a new deadline for the clock that was missed.</summary>
    private void Escalate(SlaClock clock, DateTimeOffset due, DateTimeOffset at)
    {
        var from = _owner;
        _owner = _generator.StationOrNull(from)!.Info.ParentId;
        TeamId = null;
        _priority = _generator.Sla.Escalated(_priority);
        _escalations++;
        var deadlines = _generator.Sla.Compute(Service, _priority, at);
        if (clock == SlaClock.FirstResponse)
        {
            _firstResponseLate = true;
            _firstResponseDue = deadlines.FirstResponseDue;
        }
        else
        {
            _resolutionLate = true;
            _resolutionDue = deadlines.ResolutionDue;
        }
        _version++;
        Step(at, "system", $"escalate:{_owner}", _status,
            string.Create(CultureInfo.InvariantCulture, $"{clock} deadline {due:O} passed at '{from}'"));
    }

    /// <summary>The Small Affairs Office (not a roster station) is the top: it escalates no further.</summary>
    private bool OwnerEscalates() => _generator.StationOrNull(_owner) is not null;

    private TimeSpan Handling() => TimeSpan.FromHours(Service.MedianHandlingHours * _random.LogNormal(1, 0.5));

    private TimeSpan Share(double share, TimeSpan target) => TimeSpan.FromTicks((long)(share * Clock.WorkingTimeFor(target).Ticks));

    /// <summary>A ticket that must be finished by the end has its steps pulled before it, after <paramref name="previous"/>.</summary>
    private DateTimeOffset Finish(DateTimeOffset at, DateTimeOffset previous)
    {
        if (_finishBy is not { } limit || at <= limit)
            return at;
        var room = Math.Min((limit - previous).TotalHours, 48);
        return room <= 0 ? previous + Minute : limit - TimeSpan.FromHours(_random.NextDouble() * room);
    }

    private void Step(DateTimeOffset at, string actor, string action, TicketStatus to, string? note = null)
    {
        Record(at, actor, action, _status, to, note);
        _status = to;
        _updatedAt = at;
        if (to == TicketStatus.Closed)
            _closedAt = at;
    }

    private void Record(DateTimeOffset at, string actor, string action, TicketStatus? from, TicketStatus to, string? note) =>
        _timeline?.Add(new TimelineEntry(at, actor, action, from, to, note, _owner));

    private static DateTimeOffset RegistrationTime(SimulationProfile profile, HistoryGenerator.CategoryModel category, HistoryGenerator.DayModel day, SimulationRandom random)
    {
        var hours = category.Priority.Rank == 1 ? profile.EmergencyHours : day.Working ? profile.WorkingDayHours : profile.DayOffHours;
        var hour = random.Pick(hours);
        var seconds = random.Next(3600);
        return HistoryGenerator.At(day.Date, new TimeOnly(hour, seconds / 60, seconds % 60));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => (a, b) switch
    {
        ({ } x, { } y) => x <= y ? x : y,
        (null, _) => b,
        _ => a,
    };
}
