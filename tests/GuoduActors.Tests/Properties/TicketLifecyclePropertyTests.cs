using CsCheck;
using GuoduActors.Tests.Governance;

namespace GuoduActors.Tests.Properties;

/// <summary>
/// Random command sequences against the ticket state machine on an in-process cluster of its own (memory storage, a
/// fake clock): every command of the lifecycle table by every kind of actor, with good and bad arguments, interleaved
/// with time passing and deadline sweeps. After every step the invariants hold; CsCheck prints the seed of a failure.
/// </summary>
public sealed class TicketLifecyclePropertyTests(ClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    /// <summary>Two level-1 stations with two compounds each: room to route, hand back and escalate, few enough to meet often.</summary>
    private static readonly string[] Stations = ["fenglin", "bolangfeng", "compound-02", "community-02", "compound-03", "compound-04"];
    private static readonly string[] Categories = ["public-facilities", "lift-entrapment", "plumbing-drains", "calligraphy-painting", "no-such-category"];
    private static readonly string[] Teams = ["haoxiujiang", "aishang-shuhua", "no-such-team"];
    private const string Phone = "13991117000";
    private const int TicketsPerSequence = 3;

    private GuoduActors.Roster Roster => fixture.Roster;
    private FakeTimeProvider Time => fixture.Time;
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task RandomCommandSequencesKeepEveryInvariantOfTheLifecycle()
    {
        var sequences = 0;
        var (accepted, refused) = (0, 0);
        var registrations = Gen.Int[0, Stations.Length * Categories.Length - 1].Array[TicketsPerSequence];
        var steps = Gen.Select(Gen.Int[0, Enum.GetValues<Op>().Length - 1], Gen.Int[0, TicketsPerSequence - 1], Gen.Int[0, 9], Gen.Int[0, 9],
                (op, ticket, arg, actor) => new Step((Op)op, ticket, arg, actor))
            .Array[4, 40];
        await Gen.Select(registrations, steps)
            .SampleAsync(async (registered, steps) =>
            {
                var run = new SequenceRun(this);
                try
                {
                    await run.StartAsync(registered);
                    foreach (var step in steps)
                        await run.ApplyAsync(step);
                }
                finally
                {
                    // Also after a failure: CsCheck goes on to shrink it, and leftovers would change what later sequences count.
                    await run.CancelWhatIsOpenAsync();
                }
                await run.AssertInvariantsAsync();
                sequences++;
                accepted += run.Accepted;
                refused += run.Refused;
            }, writeLine: output.WriteLine, iter: 100, threads: 1, print: input => $"registered [{string.Join(", ", input.Item1)}], steps [{string.Join(", ", input.Item2)}]");
        output.WriteLine($"{sequences} sequences: {accepted} commands accepted, {refused} refused, all invariants held.");
        Assert.True(accepted > 0 && refused > 0, "The sequences should exercise both accepted and refused commands.");
    }

    /// <summary>What a step does: a lifecycle command, or time passing with the stations sweeping.</summary>
    public enum Op
    {
        Classify, AssignStation, AssignTeam, Start, Wait, Resume, Resolve, Close, Reopen, Cancel, HandBack,
        /// <summary>The team's side, through the team grain as its lead (or a leader) acts: accept (start), decline, complete (resolve).</summary>
        TeamAccept, TeamDecline, TeamComplete,
        PassHoursAndSweep, PassDaysAndSweep,
    }

    /// <param name="Op">What the step does.</param>
    /// <param name="Ticket">Which of the sequence's tickets.</param>
    /// <param name="Arg">Picks the command's argument: a category, station, team, rating or a blank note.</param>
    /// <param name="Actor">Picks who acts (<see cref="SequenceRun"/>'s ActorFor).</param>
    public readonly record struct Step(Op Op, int Ticket, int Arg, int Actor)
    {
        public override string ToString() => $"{Op}(t{Ticket},a{Arg},p{Actor})";
    }

    /// <summary>One sequence: its tickets, the counters it started from, and the checks after every step.</summary>
    private sealed class SequenceRun(TicketLifecyclePropertyTests test)
    {
        private readonly List<string> _tickets = [];
        private readonly List<Step> _done = [];
        private readonly Dictionary<string, TicketSnapshot> _latest = [];
        private Dictionary<string, Tally> _baseline = [];

        public int Accepted { get; private set; }
        public int Refused { get; private set; }

        private IClusterClient Client => test.Client;
        private FakeTimeProvider Time => test.Time;

        /// <summary>Registers the sequence's tickets, each picks a station and a category (or none), on top of counters at rest.</summary>
        public async Task StartAsync(int[] registrations)
        {
            await SweepAsync();
            _baseline = await TalliesAsync();
            foreach (var pick in registrations)
                await RegisterAsync(Stations[pick % Stations.Length], Categories[pick / Stations.Length]);
            await AssertInvariantsAsync();
        }

        public async Task ApplyAsync(Step step)
        {
            _done.Add(step);
            switch (step.Op)
            {
                case Op.PassHoursAndSweep:
                    Time.Advance(TimeSpan.FromHours(1 + step.Arg * 3));
                    await SweepAsync();
                    break;
                case Op.PassDaysAndSweep:
                    Time.Advance(TimeSpan.FromDays(1 + step.Arg));
                    await SweepAsync();
                    break;
                default:
                    await CommandAsync(_tickets[step.Ticket], step);
                    break;
            }
            await AssertInvariantsAsync();
        }

        /// <summary>Cancels what is still open, so the teams' capacity and the stations' queues are free for the next sequence.</summary>
        public async Task CancelWhatIsOpenAsync()
        {
            foreach (var id in _tickets)
            {
                var ticket = Client.GetGrain<ITicketGrain>(id);
                if ((await ticket.GetAsync())!.IsOpen)
                    _latest[id] = await ticket.CancelAsync(People.Leader, "sequence finished");
            }
        }

        /// <summary>Registers a matter; "no-such-category" stands for one registered without a category.</summary>
        private async Task RegisterAsync(string station, string category)
        {
            var created = await Client.GetGrain<IStationGrain>(station).RegisterTicketAsync(
                new NewTicket($"性质测试 {_tickets.Count} — property test matter", category == "no-such-category" ? null : category, "测试居民", Phone, null),
                Tickets.NewKey());
            _tickets.Add(created.Id);
            _latest[created.Id] = created;
            Accepted++;
        }

        private async Task CommandAsync(string id, Step step)
        {
            var ticket = Client.GetGrain<ITicketGrain>(id);
            var before = (await ticket.GetAsync())!;
            var actor = ActorFor(step.Actor, before);
            var command = CommandOf(step.Op);
            var tallies = await TalliesAsync();
            var teams = await TeamJobsAsync();
            TicketSnapshot after;
            try
            {
                after = await Run(step, ticket, actor, before);
            }
            catch (DomainRefusalException refusal)
            {
                Refused++;
                Tickets.AssertSame(before, await ticket.GetAsync());
                Assert.Equal(tallies, await TalliesAsync());
                Assert.Equal(teams, await TeamJobsAsync());
                // The ticket refuses as forbidden exactly who its scope rule refuses (a team also refuses whoever does not lead it).
                Assert.True(refusal.Kind != RefusalKind.Forbidden || IsTeamOp(step.Op) || !TicketLifecycle.MayPerform(command, actor, before.OwnerStationId, before.TeamId, before.ResidentPhone),
                    $"{step}: refused as forbidden, but {actor.UserId} may {command} a ticket of {before.OwnerStationId}.");
                return;
            }

            Accepted++;
            _latest[id] = after;
            // Accepted only where the lifecycle table and the actor's scope allow it, and to the status the table names.
            Assert.True(TicketLifecycle.IsAllowed(command, before.Status), $"{step}: {command} was accepted from {before.Status}.");
            var asSeen = IsTeamOp(step.Op) && actor.Role != ActorRole.TeamLead ? Actor.TeamLead(actor.UserId, before.TeamId!) : actor;
            Assert.True(TicketLifecycle.MayPerform(command, asSeen, before.OwnerStationId, before.TeamId, before.ResidentPhone),
                $"{step}: {actor.UserId} ({actor.Role}) was allowed to {command} a ticket of {before.OwnerStationId}.");
            Assert.Equal(TicketLifecycle.Next(command, before.Status), after.Status);
            // One accepted command, one new timeline entry, by this actor.
            Assert.Equal(before.Timeline.Count + 1, after.Timeline.Count);
            Assert.Equal(before.Timeline, after.Timeline.Take(before.Timeline.Count));
            Assert.Equal((actor.UserId, (TicketStatus?)before.Status, after.Status), (after.Timeline[^1].Actor, after.Timeline[^1].FromStatus, after.Timeline[^1].ToStatus));
        }

        private async Task<TicketSnapshot> Run(Step step, ITicketGrain t, Actor actor, TicketSnapshot before)
        {
            var note = step.Arg == 0 ? " " : $"说明 {step.Arg} — note";
            if (IsTeamOp(step.Op))
            {
                var team = Client.GetGrain<IVolunteerTeamGrain>(before.TeamId ?? Teams[step.Arg % 2]);
                await (step.Op switch
                {
                    Op.TeamAccept => team.AcceptJobAsync(actor, before.Id, []),
                    Op.TeamDecline => team.DeclineJobAsync(actor, before.Id, note),
                    _ => team.CompleteJobAsync(actor, before.Id, hours: step.Arg, note),
                });
                return (await t.GetAsync())!;
            }
            return await (step.Op switch
            {
                Op.Classify => t.ClassifyAsync(actor, Categories[step.Arg % Categories.Length], null),
                Op.AssignStation => t.AssignToStationAsync(actor, StationTarget(step.Arg, before), null),
                Op.AssignTeam => t.AssignToTeamAsync(actor, Teams[step.Arg % Teams.Length], null),
                Op.Start => t.StartAsync(actor, null),
                Op.Wait => t.WaitOnResidentAsync(actor, note),
                Op.Resume => t.ResumeAsync(actor, null),
                Op.Resolve => t.ResolveAsync(actor, note),
                Op.Close => t.CloseAsync(actor, step.Arg - 2, step.Arg == 5 ? new string('评', 501) : null),
                Op.Reopen => t.ReopenAsync(actor, note),
                Op.Cancel => t.CancelAsync(actor, note),
                Op.HandBack => t.HandBackAsync(actor, note),
                _ => throw new ArgumentOutOfRangeException(nameof(step), step, "not a ticket command"),
            });
        }

        private static bool IsTeamOp(Op op) => op is Op.TeamAccept or Op.TeamDecline or Op.TeamComplete;

        /// <summary>The owner itself, one of the stations below it, or a station it may not route to.</summary>
        private string StationTarget(int arg, TicketSnapshot ticket)
        {
            // The office may route to any level-1 station: only to those in play, whose counters are checked.
            var children = test.Roster.Stations.Where(s => s.ParentId == ticket.OwnerStationId && Stations.Contains(s.Id)).Select(s => s.Id).ToList();
            return (arg % 4) switch
            {
                0 => ticket.OwnerStationId,
                1 or 2 when children.Count > 0 => children[arg % children.Count],
                3 => "no-such-station",
                _ => Stations[arg % Stations.Length],
            };
        }

        /// <summary>Mostly people who may act, so that sequences get somewhere; now and then someone who may not.</summary>
        private Actor ActorFor(int pick, TicketSnapshot ticket) => pick switch
        {
            <= 2 => People.Leader,
            <= 5 => StaffOf(ticket.OwnerStationId),
            6 => StaffOf(ticket.OwnerStationId == "community-02" ? "fenglin" : "community-02"),
            7 => Actor.Resident(Phone),
            8 => Actor.Resident("13991117999"),
            _ => Actor.TeamLead("haoxiujiang-lead", "haoxiujiang"),
        };

        private Actor StaffOf(string stationId) =>
            test.Roster.Stations.Any(s => s.Id == stationId) ? People.StaffOf(test.Roster, stationId) : Actor.Staff("office-staff", stationId);

        private static TicketCommand CommandOf(Op op) => op switch
        {
            Op.Classify => TicketCommand.Classify,
            Op.AssignStation => TicketCommand.AssignToStation,
            Op.AssignTeam => TicketCommand.AssignToTeam,
            Op.Start => TicketCommand.Start,
            Op.Wait => TicketCommand.WaitOnResident,
            Op.Resume => TicketCommand.Resume,
            Op.Resolve => TicketCommand.Resolve,
            Op.Close => TicketCommand.Close,
            Op.Reopen => TicketCommand.Reopen,
            Op.Cancel => TicketCommand.Cancel,
            Op.HandBack => TicketCommand.HandBack,
            Op.TeamAccept => TicketCommand.Start,
            Op.TeamDecline => TicketCommand.TeamDecline,
            Op.TeamComplete => TicketCommand.Resolve,
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not a ticket command"),
        };

        /// <summary>Sweeps every station in play and the level-1 stations above them, children first, and records what it escalated.</summary>
        private async Task SweepAsync()
        {
            var before = new Dictionary<string, TicketSnapshot>(_latest);
            await Client.AtRestAsync(["bolangfeng", "compound-02", "compound-03", "compound-04", "fenglin", "community-02"]);
            foreach (var id in _tickets)
            {
                var now = (await Client.GetGrain<ITicketGrain>(id).GetAsync())!;
                var earlier = before[id];
                // Only the system escalates, and an escalation changes owner, never status.
                foreach (var entry in now.Timeline.Skip(earlier.Timeline.Count))
                    Assert.Equal(("system", true, entry.FromStatus), (entry.Actor, entry.Action.StartsWith("escalate:", StringComparison.Ordinal), (TicketStatus?)entry.ToStatus));
                _latest[id] = now;
            }
        }

        public async Task AssertInvariantsAsync()
        {
            var owners = test.Roster.Stations.Select(s => s.Id).Append(test.Roster.SubDistrict.Id).ToHashSet();
            foreach (var id in _tickets)
            {
                var t = (await Client.GetGrain<ITicketGrain>(id).GetAsync())!;
                Tickets.AssertSame(_latest[id], t);
                // A closed ticket carries the resident's rating.
                if (t.Status == TicketStatus.Closed)
                    Assert.True(t.Rating is >= 1 and <= 5 && t.ClosedAt is not null, $"{id} is closed without a rating.");
                // Ownership names an existing station (or the office), a team only one of the roster.
                Assert.Contains(t.OwnerStationId, owners);
                Assert.True(t.TeamId is null || test.Roster.Teams.Any(team => team.Id == t.TeamId), $"{id} names team '{t.TeamId}'.");
                // The timeline is ordered and complete: it starts with the registration, each entry starts where the last ended.
                Assert.Equal(("register", (TicketStatus?)null), (t.Timeline[0].Action, t.Timeline[0].FromStatus));
                for (var i = 1; i < t.Timeline.Count; i++)
                {
                    Assert.True(t.Timeline[i].At >= t.Timeline[i - 1].At, $"{id}: entry {i} is earlier than entry {i - 1}.");
                    Assert.Equal(t.Timeline[i - 1].ToStatus, t.Timeline[i].FromStatus);
                }
                Assert.Equal((t.Status, t.OwnerStationId), (t.Timeline[^1].ToStatus, t.Timeline[^1].OwnerId));
            }

            // The stations' counters equal the tickets they count: this sequence's tickets on top of where they started.
            var expected = _baseline.ToDictionary(b => b.Key, b => b.Value);
            var strays = _latest.Values.Where(t => t.Timeline.Any(e => !expected.ContainsKey(e.OwnerId!))).ToList();
            Assert.True(strays.Count == 0, $"After [{string.Join(", ", _done)}] tickets went beyond the stations in play: " +
                string.Join(" | ", strays.Select(t => $"{t.Id}: {string.Join(" > ", t.Timeline.Select(e => $"{e.Actor}:{e.Action}@{e.OwnerId}"))}")));
            foreach (var t in _latest.Values)
            {
                Add(expected, t.StationId, received: 1);
                if (t.IsOpen)
                    Add(expected, t.OwnerStationId, open: 1);
                for (var i = 1; i < t.Timeline.Count; i++)
                {
                    if (t.Timeline[i].Action == "resolve")
                        Add(expected, t.Timeline[i].OwnerId!, resolved: 1);
                    if (t.Timeline[i].Action.StartsWith("escalate:", StringComparison.Ordinal))
                        Add(expected, t.Timeline[i - 1].OwnerId!, escalated: 1);
                }
            }
            var actual = await TalliesAsync();
            var differ = expected.Where(e => actual[e.Key] != e.Value).Select(e => $"{e.Key}: expected {e.Value}, counted {actual[e.Key]}").ToList();
            Assert.True(differ.Count == 0, $"After {_done.Count} step(s) [{string.Join(", ", _done)}] station counters differ from their tickets: {string.Join("; ", differ)}; " +
                $"tickets: {string.Join(" | ", _latest.Values.Select(t => $"{t.Id} {t.Status} at {t.OwnerStationId}: {string.Join(" > ", t.Timeline.Select(e => $"{e.Action}@{e.OwnerId}"))}"))}");
        }

        private static void Add(Dictionary<string, Tally> tallies, string station, int open = 0, long received = 0, long resolved = 0, long escalated = 0) =>
            tallies[station] = tallies[station].Plus(open, received, resolved, escalated);

        private async Task<Dictionary<string, Tally>> TalliesAsync()
        {
            var tallies = new Dictionary<string, Tally>();
            foreach (var station in Stations.Append("guodu"))
                tallies[station] = await Tally.OfAsync(Client, station);
            return tallies;
        }

        private async Task<string> TeamJobsAsync()
        {
            var views = await Task.WhenAll(Teams.Take(2).Select(id => Client.GetGrain<IVolunteerTeamGrain>(id).GetAsync()));
            return string.Join("; ", views.Select(v => $"{v.Info.Id}: {v.Offered} offered, {v.Active} active, " +
                string.Join(",", v.Jobs.Select(j => $"{j.TicketId}={j.Status}"))));
        }
    }
}
