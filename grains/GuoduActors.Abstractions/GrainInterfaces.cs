using Orleans.Concurrency;

namespace GuoduActors;

/// <summary>
/// The sub-district and its Small Affairs Office (街道“小事办”), keyed by sub-district id (e.g. <c>guodu</c>).
/// Holds the roster and the live counters of every station; answers the leaders' overview in one call.
/// </summary>
public interface ISubDistrictGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes the grains match a validated roster: stores it and configures every station and team grain.
    /// Idempotent: applying the same roster twice changes nothing; a station new to the file is created.
    /// </summary>
    Task ApplyRosterAsync(Roster roster);

    /// <summary>The roster last applied, or <c>null</c> before any roster was applied.</summary>
    Task<Roster?> GetRosterAsync();

    /// <summary>The roster with every station's live counters.</summary>
    Task<SubDistrictOverview> GetOverviewAsync();

    /// <summary>
    /// Pushes coalesced changes to <paramref name="observer"/> until it unsubscribes or fails to renew: observers
    /// must subscribe again at least every <c>LiveSubscription.Renewal</c>.
    /// </summary>
    Task SubscribeAsync(ILiveObserver observer);

    Task UnsubscribeAsync(ILiveObserver observer);

    /// <summary>The most recent ticket events, newest last, so a new or reconnected dashboard can catch up.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<LiveEvent>> GetRecentEventsAsync(int max);

    /// <summary>A station reports a ticket change for the live feed.</summary>
    [OneWay]
    Task PublishEventAsync(LiveEvent liveEvent);

    /// <summary>A station reports its latest counters (absolute values, so a repeated report is harmless).</summary>
    [OneWay]
    Task ReportCountersAsync(StationCounters counters);

    /// <summary>
    /// Compiles the weekly reports (周汇总) of the week starting <paramref name="weekStart"/> (a Monday, China Standard
    /// Time) through the whole hierarchy — the Small Affairs Office asks every level-1 station, which asks its level-2
    /// stations — and returns everything the office holds for that week. Idempotent; refuses as
    /// <see cref="IStationGrain.CompileWeeklyReportAsync"/> does.
    /// </summary>
    Task<IReadOnlyList<WeeklyReport>> CompileWeeklyReportsAsync(DateOnly weekStart);

    /// <summary>
    /// The weekly schedule's check, run by a reminder every few minutes: compiles each week that ended since the last
    /// week this check compiled, oldest first and each once (weeks missed while the cluster was down included, within the
    /// kept window); the very first check compiles the last completed week only. Returns the weeks it compiled.
    /// </summary>
    Task<IReadOnlyList<DateOnly>> CompileDueWeeklyReportsAsync();

    /// <summary>
    /// The stations whose parent is <paramref name="stationId"/>, in roster order. Interleaves: stations ask while a
    /// weekly compilation started here waits on them.
    /// </summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<StationInfo>> GetChildStationsAsync(string stationId);

    /// <summary>Whether the data is simulated, and up to when: what the UI labels.</summary>
    [AlwaysInterleave]
    Task<SimulationStatus> GetSimulationAsync();

    /// <summary>
    /// Records, before anything is written, that a simulated history of <paramref name="plan"/> is being seeded. Once
    /// begun, a seeding keeps its plan: a later call returns the status of the first one, so a resumed seeding writes the
    /// same data. Refuses with <see cref="RefusalKind.NotFound"/> before a roster is applied.
    /// </summary>
    Task<SimulationStatus> BeginSimulationAsync(SimulationPlan plan);

    /// <summary>Records that the seeding finished; the history is then never seeded again. Refuses with <see cref="RefusalKind.Conflict"/> when none began.</summary>
    Task<SimulationStatus> CompleteSimulationAsync(int historicTickets, int liveTickets);
}

/// <summary>
/// A doorstep service station, keyed by station id. Registers tickets and keeps the index and counters
/// of the tickets it owns.
/// </summary>
public interface IStationGrain : IGrainWithStringKey
{
    /// <summary>Sets the station's roster entry; writes only when something changed.</summary>
    Task ConfigureAsync(StationInfo station, string subDistrictId);

    /// <summary>The roster entry, or <c>null</c> when no roster names this station.</summary>
    [AlwaysInterleave]
    Task<StationInfo?> GetInfoAsync();

    /// <summary>
    /// Registers a resident's small matter (登记). <paramref name="requestKey"/> makes it idempotent: the same
    /// key with the same content returns the ticket created the first time. Refuses with
    /// <see cref="RefusalKind.NotFound"/> for a station the roster does not name, <see cref="RefusalKind.Invalid"/>
    /// for an invalid request and <see cref="RefusalKind.Conflict"/> when the key was used for another request.
    /// A key is honoured for 24 hours. The ticket is stored (with the registrations arriving at the same silo meanwhile, in
    /// one write) before this returns, and is on the station's live counters and feed at once; the lists and the stored
    /// counts follow within <c>Intake:ListDelay</c>. Interleaves: registrations at one station wait for storage together,
    /// not one after another.
    /// </summary>
    [AlwaysInterleave]
    Task<TicketSnapshot> RegisterTicketAsync(NewTicket ticket, string requestKey);

    /// <summary>The station's live counters.</summary>
    [AlwaysInterleave]
    Task<StationCounters> GetCountersAsync();

    /// <summary>
    /// Records the latest state of a ticket this station owns (its projection row and deadline index entry), and
    /// what it means for the daily counts. Called by the ticket while it changes, so it interleaves.
    /// </summary>
    [AlwaysInterleave]
    Task TrackAsync(TicketRow row, TicketCountEffect effect);

    /// <summary>
    /// A ticket's latest row, offered when the ticket activates: recorded as <see cref="TrackAsync"/> does if this station's
    /// index does not hold it so (the change was stored while this station did not answer), otherwise ignored.
    /// </summary>
    [AlwaysInterleave]
    Task ReconcileAsync(TicketRow row);

    /// <summary>Drops a ticket that moved to another owner from this station's index and projection.</summary>
    [AlwaysInterleave]
    Task ForgetAsync(string ticketId);

    /// <summary>Escalates every overdue deadline in the index, each exactly once. Runs on the station's reminder and timer.</summary>
    Task<SweepResult> SweepAsync();

    /// <summary>
    /// Diagnostics: finds the due deadlines exactly as <see cref="SweepAsync"/> does, but escalates nothing.
    /// <see cref="SweepResult.Checked"/> is how many are due; <see cref="SweepResult.Elapsed"/> the time the grain spent finding them.
    /// </summary>
    Task<SweepResult> CountDueAsync();

    /// <summary>The open tickets this station owns, soonest deadline first.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<TicketRow>> GetQueueAsync(int max);

    /// <summary>A level-2 station publishes its standard service list (标准化服务清单), replacing the previous one.</summary>
    Task<IReadOnlyList<ServiceItem>> PublishServiceListAsync(Actor actor, IReadOnlyList<ServiceItem> items);

    [AlwaysInterleave]
    Task<IReadOnlyList<ServiceItem>> GetServiceListAsync();

    /// <summary>A level-1 station records an inspection of one of its level-2 stations.</summary>
    Task<Inspection> RecordInspectionAsync(Actor actor, string inspectedStationId, DateOnly date, string findings, int score);

    /// <summary>Stores an inspection of this level-2 station, recorded by its level-1 station.</summary>
    Task ReceiveInspectionAsync(Inspection inspection);

    /// <summary>Inspections this station recorded (level-1) or received (level-2), newest first.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<Inspection>> GetInspectionsAsync();

    /// <summary>Received and resolved counts per category and day (China Standard Time), oldest first.</summary>
    Task<IReadOnlyList<DailyCount>> GetDailyCountsAsync(DateOnly from, DateOnly to);

    /// <summary>
    /// Compiles this station's weekly report (周汇总) of the week starting <paramref name="weekStart"/> (a Monday, China
    /// Standard Time) and returns the report it sends up: a level-2 station its own figures; a level-1 station and the
    /// Small Affairs Office the aggregate of their own figures and their children's, whom they ask to compile first.
    /// Stores what it compiled and copies of what its children hold. Idempotent: a week already compiled returns the
    /// stored report. Refuses with <see cref="RefusalKind.Invalid"/> a day that is not a Monday, a week that has not
    /// ended or one older than the kept window, and with <see cref="RefusalKind.NotFound"/> a station the roster does not name.
    /// </summary>
    Task<WeeklyReport> CompileWeeklyReportAsync(DateOnly weekStart);

    /// <summary>
    /// The reports this station holds for the week starting <paramref name="weekStart"/> (<c>null</c>: the last
    /// completed week): office, then level-1, then level-2 reports, an aggregate before the same station's own report,
    /// stations in roster order. Empty before the week is compiled.
    /// </summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<WeeklyReport>> GetWeeklyReportsAsync(DateOnly? weekStart);

    /// <summary>
    /// Merges daily counts made elsewhere (a simulated history) into this station's: each imported day and category
    /// replaces that day and category's tally, other days are kept, and the received and resolved totals follow. So
    /// importing the same counts again changes nothing; meant for days before any live activity. Days older than the
    /// kept window are skipped. Refuses with <see cref="RefusalKind.NotFound"/> a station the roster does not name and
    /// with <see cref="RefusalKind.Invalid"/> negative counts, malformed category codes, or more day-and-category tallies
    /// than the station's state can safely hold (about 7 000).
    /// </summary>
    Task ImportDailyCountsAsync(IReadOnlyList<DailyCount> counts);
}

/// <summary>
/// One resident's small matter (群众小事), keyed by its human-readable id, e.g. <c>GD-20261128-0042</c>.
/// Enforces the lifecycle (<c>TicketLifecycle</c>): an illegal transition is refused with
/// <see cref="RefusalKind.Conflict"/>, an actor outside their scope with <see cref="RefusalKind.Forbidden"/>, and a
/// refused command changes nothing. Every accepted command appends to the timeline.
/// </summary>
public interface ITicketGrain : IGrainWithStringKey
{
    /// <summary>The ticket, or <c>null</c> when no ticket has this id.</summary>
    Task<TicketSnapshot?> GetAsync();

    /// <summary>Sets the category (分类); the priority class and deadlines follow it unless the ticket was escalated.</summary>
    Task<TicketSnapshot> ClassifyAsync(Actor actor, string categoryCode, string? note);

    /// <summary>Routes (流转) to a level-2 station of the owner, or keeps it at the owner when <paramref name="stationId"/> is the owner.</summary>
    Task<TicketSnapshot> AssignToStationAsync(Actor actor, string stationId, string? note);

    /// <summary>Offers the job to a volunteer team whose skills fit and who has capacity left.</summary>
    Task<TicketSnapshot> AssignToTeamAsync(Actor actor, string teamId, string? note);

    /// <summary>Work starts: the first response to the resident.</summary>
    Task<TicketSnapshot> StartAsync(Actor actor, string? note);

    /// <summary>Waits on the resident; the SLA clocks pause until <see cref="ResumeAsync"/>.</summary>
    Task<TicketSnapshot> WaitOnResidentAsync(Actor actor, string note);

    Task<TicketSnapshot> ResumeAsync(Actor actor, string? note);

    Task<TicketSnapshot> ResolveAsync(Actor actor, string note);

    /// <summary>The resident confirms the resolution and rates it 1–5 (满意度).</summary>
    Task<TicketSnapshot> CloseAsync(Actor actor, int rating, string? comment);

    /// <summary>The resident disputes the resolution, within 7 days of it.</summary>
    Task<TicketSnapshot> ReopenAsync(Actor actor, string reason);

    /// <summary>Cancels a duplicate or withdrawn matter; a reason is required.</summary>
    Task<TicketSnapshot> CancelAsync(Actor actor, string reason);

    /// <summary>A level-2 station hands the ticket back to its level-1 station with a reason.</summary>
    Task<TicketSnapshot> HandBackAsync(Actor actor, string reason);

    /// <summary>The assigned volunteer team declines; the ticket returns to the station that routed it.</summary>
    Task<TicketSnapshot> TeamDeclineAsync(Actor actor, string reason);

    /// <summary>
    /// Escalates an overdue deadline one level up, to <paramref name="toOwnerId"/>, raising the priority. Only the
    /// deadline of <paramref name="deadlineVersion"/> escalates, and only once: a stale or repeated call changes
    /// nothing and returns <c>null</c>.
    /// </summary>
    Task<TicketSnapshot?> EscalateAsync(SlaClock clock, int deadlineVersion, string toOwnerId);

    /// <summary>
    /// Creates the ticket from a record made elsewhere — an open ticket of a simulated history — with its registration
    /// time, timeline, owner and deadlines as given, and records it at its owner (whose sweep escalates it from then on).
    /// It counts no daily figures: the import brings those. Idempotent: a ticket that exists is returned unchanged.
    /// Refuses with <see cref="RefusalKind.Invalid"/> a record that is not open, is waiting on the resident or assigned to a
    /// volunteer team, has another id, an unknown category or station, or a timeline that does not start with its registration.
    /// </summary>
    Task<TicketSnapshot> ImportAsync(TicketSnapshot ticket);
}

/// <summary>
/// Hands out the ticket numbers of one calendar day (China Standard Time), keyed <c>yyyyMMdd</c>, in blocks of
/// <see cref="TicketIds.BlockSize"/> to each silo's intake, and remembers which blocks may still hold a registration
/// that its station has not yet recorded in its lists and counters (an unsettled block): a station that starts again
/// after its silo died reads those blocks to recover what it had not written.
/// </summary>
public interface ITicketNumberGrain : IGrainWithStringKey
{
    /// <summary>
    /// The first number of a block of <see cref="TicketIds.BlockSize"/> numbers nobody else will be given, stored as
    /// leased (unsettled) before it is returned; numbers may skip after a crash, never repeat.
    /// </summary>
    Task<int> LeaseBlockAsync();

    /// <summary>Every registration numbered in the block is recorded by its station: the block need not be read again.</summary>
    Task SettleAsync(int blockStart);

    /// <summary>The blocks leased and not yet settled, oldest first.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<int>> GetUnsettledBlocksAsync();
}

/// <summary>
/// A volunteer team (志愿服务队), keyed by team id. Jobs are offered by stations, then accepted or declined by the
/// team lead, and completed with the hours served. A team at capacity takes nothing more.
/// </summary>
public interface IVolunteerTeamGrain : IGrainWithStringKey
{
    /// <summary>Sets the team's roster entry; writes only when something changed.</summary>
    Task ConfigureAsync(TeamInfo team);

    /// <summary>The roster entry, or <c>null</c> when no roster names this team.</summary>
    [AlwaysInterleave]
    Task<TeamInfo?> GetInfoAsync();

    /// <summary>The team with its members, duty schedule, jobs and totals.</summary>
    Task<TeamView> GetAsync();

    /// <summary>Replaces the members and the duty schedule (the team lead's or a leader's edit).</summary>
    Task<TeamView> UpdateMembersAsync(Actor actor, IReadOnlyList<TeamMember> members, IReadOnlyList<DutySlot> duty);

    /// <summary>
    /// A station offers a ticket's job. Refused with <see cref="RefusalKind.Conflict"/> when the team is at capacity
    /// or none of <paramref name="skillsNeeded"/> is among its skills. Repeating the same offer is harmless.
    /// </summary>
    Task OfferJobAsync(string ticketId, string routingStationId, string? categoryCode, IReadOnlyList<string> skillsNeeded);

    /// <summary>The team lead accepts an offered job; the ticket goes in progress.</summary>
    Task<TeamView> AcceptJobAsync(Actor actor, string ticketId, IReadOnlyList<string> memberIds);

    /// <summary>The team lead declines an offered job; the ticket returns to the station that routed it.</summary>
    Task<TeamView> DeclineJobAsync(Actor actor, string ticketId, string reason);

    /// <summary>The team finished the job: the ticket is resolved and the hours served are credited.</summary>
    Task<TeamView> CompleteJobAsync(Actor actor, string ticketId, double hours, string note);

    /// <summary>The ticket left the team (cancelled, escalated, handed on, resolved without it): its capacity is released.</summary>
    Task ReleaseJobAsync(string ticketId, string reason);
}
