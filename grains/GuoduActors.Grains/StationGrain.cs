using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuoduActors.Grains;

[GenerateSerializer]
public sealed class StationState
{
    [Id(0)] public StationInfo? Info { get; set; }
    [Id(1)] public string SubDistrictId { get; set; } = "";
    // Id 2 held the open-ticket ids before the projection store took over the index; never reuse it.
    [Id(3)] public long ReceivedTotal { get; set; }
    [Id(4)] public long ResolvedTotal { get; set; }
    [Id(5)] public long EscalatedTotal { get; set; }
    /// <summary>
    /// Where earlier releases kept the daily counts (keyed <c>yyyyMMdd|category</c>). They outgrow grain state within two busy
    /// years, so they now live in the station's partition of the ticket projection; a station finding some here moves them there.
    /// </summary>
    [Id(6)] public Dictionary<string, DailyTally> Daily { get; set; } = new(StringComparer.Ordinal);
    [Id(7)] public List<ServiceItem> ServiceList { get; set; } = [];
    /// <summary>Inspections recorded by (level-1) or of (level-2) this station; the most recent ones.</summary>
    [Id(8)] public List<Inspection> Inspections { get; set; } = [];
    /// <summary>
    /// Tickets registered here and counted in <see cref="ReceivedTotal"/> whose list rows (and daily counts, written with
    /// them) may not be stored yet: a station starting again after its silo died counts the others of its unrecorded
    /// registrations in full, these in the daily counts only.
    /// </summary>
    [Id(9)] public HashSet<string> CountedUnrecorded { get; set; } = [];
}

[GenerateSerializer]
public sealed class DailyTally
{
    [Id(0)] public int Received { get; set; }
    [Id(1)] public int Resolved { get; set; }
}

public sealed partial class StationGrain(
    [PersistentState("station", GrainStorage.Default)] IPersistentState<StationState> state,
    ITicketProjectionStore projection,
    TicketIntake intake,
    ITicketPolicy policy,
    IOptions<IntakeOptions> intakeOptions,
    TimeProvider time,
    ILogger<StationGrain> logger) : Grain, IStationGrain, IRemindable
{
    /// <summary>How long a request key returns the ticket it produced: a client's retries come within minutes, not days.</summary>
    public static readonly TimeSpan RequestKeyWindow = TimeSpan.FromHours(24);
    private const string DeskActor = "station-desk";
    private const string SweepReminder = "deadline-sweep";
    /// <summary>Two years and a little: enough history for forecasting's yearly lags, small enough for grain state.</summary>
    private const int DailyWindowDays = 800;
    private static readonly TimeSpan TimerPeriod = TimeSpan.FromSeconds(10);

    // The deadline index: every open ticket's unmet deadlines, soonest first. Rebuilt from the projection on
    // activation; a sweep reads only its head, so 100 000 open tickets cost nothing until they are due.
    private readonly SortedSet<Deadline> _deadlines = new();
    private readonly Dictionary<string, TicketRow> _open = new(StringComparer.Ordinal);
    // Kept with the index rather than counted when reported: a station reports its counters on every change, and walking
    // all its open tickets each time made escalating 500 000 tickets quadratic at the parents that receive them.
    private readonly Dictionary<string, int> _openByCategory = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _stateWrite = new(1, 1);
    private bool _sweeping;
    private bool _countersPending;
    private IGrainTimer? _timer;

    // Request keys of the last RequestKeyWindow: a registration in flight holds its task, so a concurrent retry waits for it.
    private readonly Dictionary<string, KnownKey> _requestKeys = new(StringComparer.Ordinal);
    private readonly Queue<RequestKeyRecord> _keysByAge = new();
    // What is recorded in memory and not yet stored: written together by the next flush (group commit).
    private readonly Dictionary<string, TicketRow> _unstoredRows = new(StringComparer.Ordinal);
    private readonly List<RequestKeyRecord> _unstoredKeys = [];
    private bool _countsUnstored;
    // Received/resolved per day (China Standard Time) and category, keyed yyyyMMdd|category: the last DailyWindowDays,
    // loaded on activation; the days changed since the last flush are written with it.
    private readonly Dictionary<string, DailyTally> _daily = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unstoredDays = new(StringComparer.Ordinal);
    private Task _flushing = Task.CompletedTask;
    private Task? _nextFlush;
    private bool _lingering;
    private readonly List<string> _movedBeforeRecorded = [];
    private readonly CancellationTokenSource _deactivating = new();
    private static readonly TimeSpan KeyCleanUpPeriod = TimeSpan.FromHours(1);
    private DateTimeOffset _keysForgottenAt = DateTimeOffset.MinValue;

    private string StationId => this.GetPrimaryKeyString();
    private bool Escalates => state.State.Info is { Level: not StationLevel.Office };

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Info is null)
            return;
        foreach (var row in await projection.LoadOpenAsync(StationId))
            Index(row);
        await LoadDailyCountsAsync();
        foreach (var key in await projection.LoadRequestKeysAsync(StationId, time.GetUtcNow() - RequestKeyWindow))
            RememberKey(key);
        ForgetExpiredKeysSoon();
        await RecoverUnrecordedAsync();
        await EnsureSweepingAsync();
        ReportCounters();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await _deactivating.CancelAsync();
        try
        {
            await FlushAsync();
        }
        catch (Exception e)
        {
            // Not lost: the tickets are stored, and the next activation recovers what this one did not record.
            logger.LogWarning(e, "Station {Station} stopped with changes it could not record", StationId);
        }
    }

    public async Task ConfigureAsync(StationInfo station, string subDistrictId)
    {
        if (station.Id != StationId)
            throw DomainRefusalException.Invalid($"Station entry '{station.Id}' cannot configure station '{StationId}'.");
        if (state.State.Info == station && state.State.SubDistrictId == subDistrictId)
            return;
        await WriteStateAsync(s =>
        {
            s.Info = station;
            s.SubDistrictId = subDistrictId;
        });
        await EnsureSweepingAsync();
        ReportCounters();
    }

    public Task<StationInfo?> GetInfoAsync() => Task.FromResult(state.State.Info);

    public async Task<TicketSnapshot> RegisterTicketAsync(NewTicket ticket, string requestKey)
    {
        if (state.State.Info is not { Level: not StationLevel.Office })
            throw DomainRefusalException.NotFound($"No station '{StationId}' is in the roster.");
        // The ticket's fields are checked where the ticket is made (TicketState.Register), before any id or key is taken.
        if (!TicketRules.IsValidRequestKey(requestKey))
            throw DomainRefusalException.Invalid("The request key must be 1 to 100 letters, digits or . _ : -");

        var fingerprint = Fingerprint(ticket);
        if (_requestKeys.TryGetValue(requestKey, out var known))
        {
            if (known.Fingerprint != fingerprint)
                throw DomainRefusalException.Conflict("This request key was already used for a different request.");
            return known.Registration is { } inFlight ? await inFlight : await ExistingAsync(known.TicketId!);
        }
        var registration = RegisterNewAsync(ticket, requestKey, fingerprint);
        _requestKeys[requestKey] = new KnownKey(fingerprint, null, registration);
        try
        {
            return await registration;
        }
        catch
        {
            if (_requestKeys.TryGetValue(requestKey, out var entry) && entry.Registration == registration)
                _requestKeys.Remove(requestKey);
            throw;
        }
    }

    /// <summary>
    /// Numbers and stores the ticket through the silo's intake (with the other registrations arriving meanwhile); once it is
    /// stored it is this station's: indexed, counted, on the live feed. Its list row, request key and counts are written by
    /// the next flush, which this call awaits only when <see cref="IntakeOptions.ListDelay"/> is zero.
    /// </summary>
    private async Task<TicketSnapshot> RegisterNewAsync(NewTicket ticket, string requestKey, string fingerprint)
    {
        var now = time.GetUtcNow();
        var created = TicketState.Register(StationId, ticket, requestKey, fingerprint, DeskActor, policy, now);
        var ticketId = await intake.NextIdAsync();
        await intake.StoreAsync(ticketId, created);

        var snapshot = created.ToSnapshot(ticketId);
        var row = TicketRow.From(snapshot);
        RememberKey(new RequestKeyRecord(requestKey, ticketId, fingerprint, now), store: true);
        Count(state.State, row, TicketCountEffect.Received);
        Index(row);
        _unstoredRows[ticketId] = row;
        PublishEvent(row);
        ReportCounters();
        await EnsureSweepingAsync();
        if (intakeOptions.Value.ListDelay <= TimeSpan.Zero)
            await FlushAsync();
        else
            FlushSoon();
        return snapshot;
    }

    private async Task<TicketSnapshot> ExistingAsync(string ticketId) =>
        await GrainFactory.GetGrain<ITicketGrain>(ticketId).GetAsync()
            ?? throw new InvalidOperationException($"Request key of station '{StationId}' names ticket '{ticketId}', which is not stored.");

    /// <summary>
    /// Deletes the stored request keys older than the window, in the background (on activation, then at most hourly): they
    /// are never read again, and a busy station would otherwise keep one row per registration for ever.
    /// </summary>
    private void ForgetExpiredKeysSoon()
    {
        _keysForgottenAt = time.GetUtcNow();
        _ = ForgetExpiredKeysAsync(_keysForgottenAt - RequestKeyWindow);
    }

    private async Task ForgetExpiredKeysAsync(DateTimeOffset before)
    {
        try
        {
            await projection.DeleteRequestKeysBeforeAsync(StationId, before);
        }
        catch (Exception e)
        {
            // Tried again within the hour; the rows only take space meanwhile.
            logger.LogWarning(e, "Station {Station} could not delete its expired request keys", StationId);
            _keysForgottenAt = DateTimeOffset.MinValue;
        }
    }

    private void RememberKey(RequestKeyRecord key, bool store = false)
    {
        var cutoff = time.GetUtcNow() - RequestKeyWindow;
        while (_keysByAge.TryPeek(out var oldest) && oldest.RegisteredAt < cutoff)
        {
            _keysByAge.Dequeue();
            if (_requestKeys.TryGetValue(oldest.RequestKey, out var entry) && entry.TicketId == oldest.TicketId)
                _requestKeys.Remove(oldest.RequestKey);
            if (time.GetUtcNow() - _keysForgottenAt > KeyCleanUpPeriod)
                ForgetExpiredKeysSoon();
        }
        _requestKeys[key.RequestKey] = new KnownKey(key.Fingerprint, key.TicketId, null);
        _keysByAge.Enqueue(key);
        if (store)
            _unstoredKeys.Add(key);
    }

    /// <summary>
    /// A station that starts again may have died with registrations it had answered but not yet recorded (rows, keys, counts
    /// waiting for a flush). They are stored tickets in the blocks the day's numbering has not settled: read those, and record
    /// what is this station's and missing — counting only what was not counted (<see cref="StationState.CountedUnrecorded"/>).
    /// </summary>
    private async Task RecoverUnrecordedAsync()
    {
        var recovered = 0;
        foreach (var (ticketId, ticket) in await intake.LoadUnsettledAsync())
        {
            if (ticket.StationId != StationId || !ticket.Created)
                continue;
            if (!_requestKeys.ContainsKey(ticket.RequestKey) && ticket.RegisteredAt >= time.GetUtcNow() - RequestKeyWindow)
                RememberKey(new RequestKeyRecord(ticket.RequestKey, ticketId, ticket.RequestFingerprint, ticket.RegisteredAt), store: true);
            var row = TicketRow.From(ticket.ToSnapshot(ticketId));
            // Owned elsewhere or finished: the ticket has moved on and was recorded by whoever has it now.
            if (row.OwnerId != StationId || !row.IsOpen || _open.ContainsKey(ticketId))
                continue;
            // Counted before it died (the ids are stored with the totals): only the day's count, written with the rows, is missing.
            if (state.State.CountedUnrecorded.Contains(ticketId))
                CountDay(TicketIds.DayKey(row.RegisteredAt), row, received: 1, resolved: 0);
            else
                Count(state.State, row, TicketCountEffect.Received);
            Index(row);
            _unstoredRows[ticketId] = row;
            recovered++;
        }
        if (recovered == 0 && _unstoredKeys.Count == 0)
            return;
        logger.LogInformation("Station {Station} recovered {Count} registration(s) it had not recorded", StationId, recovered);
        // Written like new registrations: a lists' table that does not answer now must not keep the station from starting.
        FlushSoon();
    }

    public Task<StationCounters> GetCountersAsync() => Task.FromResult(Counters());

    public async Task TrackAsync(TicketRow row, TicketCountEffect effect)
    {
        if (row.OwnerId != StationId)
            throw DomainRefusalException.Invalid($"Ticket '{row.TicketId}' is owned by '{row.OwnerId}', not '{StationId}'.");
        // A retried registration or resolution tracks the same ticket again: count it once.
        var countIt = effect switch
        {
            TicketCountEffect.None => false,
            TicketCountEffect.Received => !_open.ContainsKey(row.TicketId),
            TicketCountEffect.Resolved => _open.ContainsKey(row.TicketId),
            _ => true,
        };
        if (countIt)
            Count(state.State, row, effect);
        Unindex(row.TicketId);
        if (row.IsOpen)
            Index(row);
        // Stored before this returns (with whatever else is waiting): the ticket writes its state only after its new owner
        // has recorded it, so that a deadline is never in storage without being in some station's index.
        _unstoredRows[row.TicketId] = row;
        await FlushAsync();
        PublishEvent(row);
        await EnsureSweepingAsync();
        ReportCounters();
    }

    public Task ReconcileAsync(TicketRow row)
    {
        _open.TryGetValue(row.TicketId, out var known);
        // Held as it is (storage keeps times to the millisecond or finer), or finished and no longer held: nothing was missed.
        var same = known is not null && known.Status == row.Status && known.DeadlineVersion == row.DeadlineVersion
            && Math.Abs((known.UpdatedAt - row.UpdatedAt).TotalMilliseconds) < 1;
        if (row.OwnerId != StationId || same || (known is null && !row.IsOpen))
            return Task.CompletedTask;
        // A resolution this station missed is counted now, once: TrackAsync counts it only while the ticket is held open.
        return TrackAsync(row, row.Status == TicketStatus.Resolved ? TicketCountEffect.Resolved : TicketCountEffect.None);
    }

    public async Task ForgetAsync(string ticketId)
    {
        Unindex(ticketId);
        _unstoredRows.Remove(ticketId);
        // Registered here and moved on before its row was written: its count goes with the next flush, its row never.
        if (state.State.CountedUnrecorded.Remove(ticketId))
        {
            _countsUnstored = true;
            _movedBeforeRecorded.Add(ticketId);
            FlushSoon();
        }
        // A flush in flight may still hold the ticket's row: delete after it, or the row would come back.
        await _flushing.ContinueWith(static _ => { }, TaskScheduler.Current);
        await projection.DeleteAsync(StationId, ticketId);
        ReportCounters();
    }

    public async Task<SweepResult> SweepAsync()
    {
        var clock = Stopwatch.StartNew();
        if (!Escalates || _sweeping)
            return new SweepResult(0, 0, 0, clock.Elapsed);
        _sweeping = true;
        try
        {
            var due = DueDeadlines();
            int escalated = 0, stale = 0;
            foreach (var deadline in due)
            {
                if (!_open.TryGetValue(deadline.TicketId, out var row) || row.DeadlineVersion != deadline.Version)
                {
                    _deadlines.Remove(deadline);
                    stale++;
                    continue;
                }
                var ticket = GrainFactory.GetGrain<ITicketGrain>(deadline.TicketId);
                var result = await ticket.EscalateAsync(deadline.Clock, deadline.Version, state.State.Info!.ParentId);
                if (result is not null)
                {
                    escalated++;
                    continue;
                }
                // Stale: the ticket moved on since this station last heard of it. Take its word for it.
                stale++;
                _deadlines.Remove(deadline);
                var latest = await ticket.GetAsync();
                if (latest is null || latest.OwnerStationId != StationId)
                    await ForgetAsync(deadline.TicketId);
                else if (latest.DeadlineVersion != deadline.Version)
                    await TrackAsync(TicketRow.From(latest), TicketCountEffect.None);
            }
            if (escalated > 0)
            {
                await WriteStateAsync(s => s.EscalatedTotal += escalated);
                ReportCounters();
                logger.LogInformation("Station {Station} escalated {Count} overdue deadline(s)", StationId, escalated);
            }
            return new SweepResult(due.Count, escalated, stale, clock.Elapsed);
        }
        finally
        {
            _sweeping = false;
            if (_countersPending)
                ReportCounters();
        }
    }

    public Task<SweepResult> CountDueAsync()
    {
        var clock = Stopwatch.StartNew();
        var due = Escalates ? DueDeadlines().Count : 0;
        return Task.FromResult(new SweepResult(due, 0, 0, clock.Elapsed));
    }

    /// <summary>The index's head up to now: what a sweep works through.</summary>
    private List<Deadline> DueDeadlines() =>
        _deadlines.GetViewBetween(Deadline.Min, new Deadline(time.GetUtcNow(), "\uffff", SlaClock.Resolution, int.MaxValue)).ToList();

    public Task<IReadOnlyList<TicketRow>> GetQueueAsync(int max) =>
        Task.FromResult<IReadOnlyList<TicketRow>>(_open.Values
            .OrderBy(r => r.NextDue ?? DateTimeOffset.MaxValue).ThenBy(r => r.RegisteredAt)
            .Take(Math.Clamp(max, 1, 1000)).ToList());

    public Task<IReadOnlyList<DailyCount>> GetDailyCountsAsync(DateOnly from, DateOnly to)
    {
        var counts = _daily.Select(d => ToDailyCount(d.Key, d.Value)).Where(c => c.Day >= from && c.Day <= to).ToList();
        return Task.FromResult<IReadOnlyList<DailyCount>>(counts.OrderBy(c => c.Day).ThenBy(c => c.CategoryCode, StringComparer.Ordinal).ToList());
    }

    public async Task<IReadOnlyList<ServiceItem>> PublishServiceListAsync(Actor actor, IReadOnlyList<ServiceItem> items)
    {
        RequireManagedBy(actor);
        if (state.State.Info!.Level != StationLevel.Compound)
            throw DomainRefusalException.Conflict("Standard service lists are published by level-2 (compound) stations.");
        if (items.Count > 100 || items.Any(i => i is null || string.IsNullOrWhiteSpace(i.NameZh) || string.IsNullOrWhiteSpace(i.NameEn) || i.NameZh.Length > 100 || i.NameEn.Length > 100))
            throw DomainRefusalException.Invalid("A service list has at most 100 entries, each with Chinese and English names of at most 100 characters.");
        await WriteStateAsync(s => s.ServiceList = [.. items]);
        return state.State.ServiceList.ToList();
    }

    public Task<IReadOnlyList<ServiceItem>> GetServiceListAsync() => Task.FromResult<IReadOnlyList<ServiceItem>>(state.State.ServiceList.ToList());

    public async Task<Inspection> RecordInspectionAsync(Actor actor, string inspectedStationId, DateOnly date, string findings, int score)
    {
        RequireManagedBy(actor);
        if (state.State.Info!.Level != StationLevel.Community)
            throw DomainRefusalException.Conflict("Inspections are recorded by level-1 (community) stations.");
        if (string.IsNullOrWhiteSpace(inspectedStationId))
            throw DomainRefusalException.Invalid("An inspection names the level-2 station it inspected.");
        var inspected = GrainFactory.GetGrain<IStationGrain>(inspectedStationId);
        if (await inspected.GetInfoAsync() is not { } target || target.ParentId != StationId)
            throw DomainRefusalException.Invalid($"Station '{inspectedStationId}' is not a level-2 station of '{StationId}'.");
        if (string.IsNullOrWhiteSpace(findings) || findings.Length > 2000 || score is < 0 or > 100)
            throw DomainRefusalException.Invalid("An inspection needs findings (at most 2 000 characters) and a score from 0 to 100.");
        if (date > DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TicketIds.ChinaStandardTime).DateTime))
            throw DomainRefusalException.Invalid("An inspection cannot be dated in the future.");
        var inspection = new Inspection(inspectedStationId, date, findings.Trim(), score, actor.UserId, time.GetUtcNow());
        await WriteStateAsync(s => AddInspection(s, inspection));
        await inspected.ReceiveInspectionAsync(inspection);
        return inspection;
    }

    public Task ReceiveInspectionAsync(Inspection inspection) => WriteStateAsync(s => AddInspection(s, inspection));

    public Task<IReadOnlyList<Inspection>> GetInspectionsAsync() =>
        Task.FromResult<IReadOnlyList<Inspection>>(state.State.Inspections.OrderByDescending(i => i.Date).ThenByDescending(i => i.RecordedAt).ToList());

    private static void AddInspection(StationState s, Inspection inspection)
    {
        s.Inspections.Add(inspection);
        if (s.Inspections.Count > 200)
            s.Inspections.RemoveAt(0);
    }

    private void RequireManagedBy(Actor actor)
    {
        if (state.State.Info is null)
            throw DomainRefusalException.NotFound($"No station '{StationId}' is in the roster.");
        if (!actor.Manages(StationId))
            throw new DomainRefusalException(RefusalKind.Forbidden, $"'{actor.UserId}' does not work for station '{StationId}'.");
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == SweepReminder)
            await SweepAsync();
    }

    private async Task EnsureSweepingAsync()
    {
        if (!Escalates || _timer is not null)
            return;
        // One durable reminder per station (never one per ticket) survives restarts and wakes the station to escalate
        // deadlines that passed while the cluster was down; the timer adds precision while the station is active.
        await this.RegisterOrUpdateReminder(SweepReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        _timer = this.RegisterGrainTimer(static async (grain, _) =>
        {
            if (grain.HasDueDeadline())
                await grain.SweepAsync();
        }, this, new GrainTimerCreationOptions(TimerPeriod, TimerPeriod) { KeepAlive = false, Interleave = false });
    }

    private bool HasDueDeadline() => _deadlines.Count > 0 && _deadlines.Min.Due <= time.GetUtcNow();

    private void Index(TicketRow row)
    {
        Unindex(row.TicketId);
        _open[row.TicketId] = row;
        _openByCategory[CategoryKey(row)] = _openByCategory.GetValueOrDefault(CategoryKey(row)) + 1;
        // The office indexes deadlines too, though it never sweeps them: its overdue count is read from the index's head.
        if (row.FirstResponseDue is { } f)
            _deadlines.Add(new Deadline(f, row.TicketId, SlaClock.FirstResponse, row.DeadlineVersion));
        if (row.ResolutionDue is { } r)
            _deadlines.Add(new Deadline(r, row.TicketId, SlaClock.Resolution, row.DeadlineVersion));
    }

    private void Unindex(string ticketId)
    {
        if (!_open.Remove(ticketId, out var row))
            return;
        if ((_openByCategory[CategoryKey(row)] -= 1) == 0)
            _openByCategory.Remove(CategoryKey(row));
        if (row.FirstResponseDue is { } f)
            _deadlines.Remove(new Deadline(f, ticketId, SlaClock.FirstResponse, row.DeadlineVersion));
        if (row.ResolutionDue is { } r)
            _deadlines.Remove(new Deadline(r, ticketId, SlaClock.Resolution, row.DeadlineVersion));
    }

    private void Count(StationState s, TicketRow row, TicketCountEffect effect)
    {
        switch (effect)
        {
            case TicketCountEffect.Received:
                CountDay(TicketIds.DayKey(row.RegisteredAt), row, received: 1, resolved: 0);
                s.ReceivedTotal++;
                s.CountedUnrecorded.Add(row.TicketId);
                break;
            case TicketCountEffect.Resolved:
                CountDay(TicketIds.DayKey(time.GetUtcNow()), row, received: 0, resolved: 1);
                s.ResolvedTotal++;
                break;
        }
        _countsUnstored = true;
    }

    private void CountDay(string dayKey, TicketRow row, int received, int resolved)
    {
        var key = $"{dayKey}|{row.CategoryCode ?? "uncategorised"}";
        if (!_daily.TryGetValue(key, out var tally))
            _daily[key] = tally = new DailyTally();
        tally.Received += received;
        tally.Resolved += resolved;
        _unstoredDays.Add(key);
        // The window kept in memory; storage keeps every day.
        if (_daily.Count > DailyWindowDays * 4)
        {
            var cutoff = TicketIds.DayKey(time.GetUtcNow().AddDays(-DailyWindowDays));
            foreach (var old in _daily.Keys.Where(k => string.CompareOrdinal(k, cutoff) < 0 && !_unstoredDays.Contains(k)).ToList())
                _daily.Remove(old);
        }
    }

    private async Task LoadDailyCountsAsync()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TicketIds.ChinaStandardTime).DateTime);
        foreach (var count in await projection.LoadDailyCountsAsync(StationId, today.AddDays(-DailyWindowDays)))
            _daily[DailyKey(count.Day, count.CategoryCode)] = new DailyTally { Received = count.Received, Resolved = count.Resolved };
        // Counts an earlier release kept in grain state move to the table with the next flush, and leave the state after it.
        foreach (var (key, tally) in state.State.Daily)
        {
            if (_daily.TryAdd(key, tally))
                _unstoredDays.Add(key);
        }
        if (state.State.Daily.Count > 0)
            FlushSoon();
    }

    private static string DailyKey(DateOnly day, string categoryCode) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{day:yyyyMMdd}|{categoryCode}");

    private static DailyCount ToDailyCount(string key, DailyTally tally) =>
        new(DateOnly.ParseExact(key[..8], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), key[9..], tally.Received, tally.Resolved);

    /// <summary>
    /// Changes and writes the state one change at a time: tracking calls interleave, and two writes of one activation
    /// in flight together would fail each other's ETag check.
    /// </summary>
    private async Task WriteStateAsync(Action<StationState> change)
    {
        await _stateWrite.WaitAsync();
        try
        {
            change(state.State);
            var countsStored = _countsUnstored;
            _countsUnstored = false;
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                _countsUnstored |= countsStored;
                throw;
            }
        }
        catch
        {
            // The in-memory state is now ahead of storage (and storage may not answer a re-read either): let this
            // activation go, so the next call starts from what was stored.
            DeactivateOnIdle();
            throw;
        }
        finally
        {
            _stateWrite.Release();
        }
    }

    /// <summary>
    /// Stores what is recorded in memory and not yet stored — counts first (with the ids they count), then the rows and
    /// request keys in one transaction — and returns when that is done. Group commit: a call while a flush is in flight
    /// waits for the next one, which takes everything that arrived meanwhile.
    /// </summary>
    private Task FlushAsync()
    {
        if (_flushing.IsCompleted)
            return _flushing = FlushNowAsync();
        return _nextFlush ??= FlushAfterAsync(_flushing);
    }

    private async Task FlushAfterAsync(Task running)
    {
        await running.ContinueWith(static _ => { }, TaskScheduler.Current);
        _nextFlush = null;
        await (_flushing = FlushNowAsync());
    }

    /// <summary>Registrations do not wait for their rows: gather what arrives for <see cref="IntakeOptions.ListDelay"/>, then flush.</summary>
    private void FlushSoon()
    {
        if (_lingering)
            return;
        _lingering = true;
        _ = LingerThenFlushAsync();
    }

    private async Task LingerThenFlushAsync()
    {
        // Real time, not the grains' clock: the delay batches storage writes, it is not a deadline of the domain. A
        // deactivation ends the wait (it flushes by itself): the rest of this method must not run on a dead activation.
        try
        {
            await Task.Delay(intakeOptions.Value.ListDelay, _deactivating.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        _lingering = false;
        try
        {
            await FlushAsync();
        }
        catch (Exception e)
        {
            // The registrations are stored tickets: the next activation records what this one could not.
            logger.LogWarning(e, "Station {Station} could not record its latest registrations; starting afresh", StationId);
            DeactivateOnIdle();
        }
    }

    private async Task FlushNowAsync()
    {
        while (_unstoredRows.Count > 0 || _unstoredKeys.Count > 0 || _unstoredDays.Count > 0 || _countsUnstored)
            await FlushOneTransactionAsync();
    }

    /// <summary>
    /// One round of a flush: the counts (with the ids they count) into the grain state, then as many rows, request keys and
    /// days as one entity-group transaction holds — so that a ticket's row and its day's count are stored together or not at
    /// all, which is what lets a station that starts again count each lost registration exactly once.
    /// </summary>
    private async Task FlushOneTransactionAsync()
    {
        var dayEntities = _unstoredDays.Select(k => k[..8]).Distinct(StringComparer.Ordinal).Take(ITicketProjectionStore.MaxBatch / 2).ToHashSet(StringComparer.Ordinal);
        var dayKeys = _unstoredDays.Where(k => dayEntities.Contains(k[..8])).ToList();
        var room = ITicketProjectionStore.MaxBatch - dayEntities.Count;
        var rows = _unstoredRows.Values.Take(room).ToList();
        var keys = _unstoredKeys.Take(room - rows.Count).ToList();
        foreach (var row in rows)
            _unstoredRows.Remove(row.TicketId);
        _unstoredKeys.RemoveRange(0, keys.Count);
        _unstoredDays.ExceptWith(dayKeys);
        var legacyDays = state.State.Daily.Count > 0 && _unstoredDays.Count == 0;
        try
        {
            if (_countsUnstored)
                await WriteStateAsync(_ => { });
            await projection.StoreAsync(StationId, rows, keys, dayKeys.Select(k => ToDailyCount(k, _daily[k])).ToList());
            if (legacyDays)
                await WriteStateAsync(s => s.Daily.Clear());
        }
        catch
        {
            // Back in the queue for the next flush, behind anything newer that arrived for the same ticket meanwhile.
            foreach (var row in rows)
                _unstoredRows.TryAdd(row.TicketId, row);
            _unstoredKeys.InsertRange(0, keys);
            _unstoredDays.UnionWith(dayKeys);
            throw;
        }
        var recorded = rows.Select(r => r.TicketId).Where(state.State.CountedUnrecorded.Remove).Concat(_movedBeforeRecorded).ToList();
        _movedBeforeRecorded.Clear();
        intake.Recorded(recorded);
    }

    private StationCounters Counters()
    {
        var now = time.GetUtcNow();
        // The index holds every deadline of the open tickets, so the overdue tickets are those with a deadline at its head.
        var overdue = DueDeadlines().Where(d => _open.TryGetValue(d.TicketId, out var r) && r.DeadlineVersion == d.Version)
            .Select(d => d.TicketId).Distinct(StringComparer.Ordinal).Count();
        return new StationCounters(StationId, _open.Count, state.State.ReceivedTotal, now,
            Overdue: overdue,
            EscalatedTotal: state.State.EscalatedTotal,
            ResolvedTotal: state.State.ResolvedTotal,
            OpenByCategory: new Dictionary<string, int>(_openByCategory, StringComparer.Ordinal));
    }

    private static string CategoryKey(TicketRow row) => row.CategoryCode ?? "uncategorised";

    private void PublishEvent(TicketRow row)
    {
        if (state.State.SubDistrictId.Length > 0)
            _ = GrainFactory.GetGrain<ISubDistrictGrain>(state.State.SubDistrictId).PublishEventAsync(new LiveEvent(
                row.UpdatedAt, row.TicketId, row.LastAction, row.Status, row.OwnerId, row.StationId, row.CategoryCode, row.Description));
    }

    private void ReportCounters()
    {
        // Counting walks every open ticket, and a sweep hears of each ticket it escalates leaving (ForgetAsync): at
        // 100 000 open tickets, counting per escalation made a sweep of 1 000 take 90 s instead of 2. It reports once, at its end.
        _countersPending = _sweeping;
        if (_sweeping)
            return;
        if (state.State.SubDistrictId.Length > 0)
            _ = GrainFactory.GetGrain<ISubDistrictGrain>(state.State.SubDistrictId).ReportCountersAsync(Counters());
    }

    internal static string Fingerprint(NewTicket ticket) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(ticket))));

    /// <summary>A request key this station has seen: the ticket it produced, or the registration still in flight.</summary>
    private sealed record KnownKey(string Fingerprint, string? TicketId, Task<TicketSnapshot>? Registration);

    /// <summary>One unmet deadline of one ticket; ordered by due time so the sweep reads the index's head only.</summary>
    private readonly record struct Deadline(DateTimeOffset Due, string TicketId, SlaClock Clock, int Version) : IComparable<Deadline>
    {
        public static readonly Deadline Min = new(DateTimeOffset.MinValue, "", SlaClock.FirstResponse, int.MinValue);

        public int CompareTo(Deadline other)
        {
            var c = Due.CompareTo(other.Due);
            if (c == 0) c = string.CompareOrdinal(TicketId, other.TicketId);
            if (c == 0) c = Clock.CompareTo(other.Clock);
            return c != 0 ? c : Version.CompareTo(other.Version);
        }
    }
}
