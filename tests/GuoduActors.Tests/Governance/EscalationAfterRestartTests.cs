using static GuoduActors.TicketStatus;

namespace GuoduActors.Tests.Governance;

/// <summary>
/// The real host on Azure Tables (Azurite here), stopped and started again on the same ServiceId — the whole cluster
/// restarted — with tickets in many states at several stations: deadlines that passed while nothing ran escalate once
/// after the restart, found by the stations' durable reminders; escalations made before the restart are not made again;
/// every other acknowledged ticket and every counter comes back exactly as it was. On an Azurite of its own, so that no
/// other test's projection rows share its stations' partitions.
/// </summary>
public sealed class EscalationAfterRestartTests(ITestOutputHelper output)
{
    private static readonly string[] Stations = ["bolangfeng", "compound-02", "compound-03", "compound-04", "fenglin", "community-02"];

    [Fact]
    public async Task RestartingTheWholeClusterLosesNoAcknowledgedTicketAndEscalatesEveryMissedDeadlineExactlyOnce()
    {
        await using var azurite = await AzuriteFixture.StartPrivateAsync();
        var serviceId = $"downtime-{Guid.NewGuid():N}";
        var clusterId = $"downtime-{Guid.NewGuid():N}";
        // The grains' clock; the reminders run on real time, so after the restart only a reminder can notice the deadlines.
        var start = GuoduClock.MorningInGuodu;
        var time = new FakeTimeProvider(start);
        var leader = People.Leader;
        Dictionary<string, TicketSnapshot> acknowledged;
        Dictionary<string, Tally> countedBefore;
        string[] escalatedBefore, missedWhileDown;
        await using (var first = Host(azurite.ConnectionString, serviceId, clusterId, time))
        {
            var grains = first.Grains;
            // Emergencies (first response within 2 hours) at three compounds, escalated before the restart...
            var early = new[]
            {
                await RegisterAsync(grains, "bolangfeng", "lift-entrapment", "电梯困人 — stuck in the lift of building 1"),
                await RegisterAsync(grains, "compound-02", "lift-entrapment", "电梯困人 — stuck in the lift of building 2"),
                await RegisterAsync(grains, "compound-03", "lift-entrapment", "电梯困人 — stuck in the lift of building 3"),
            };
            // ...matters that never come due: closed, cancelled, in progress at a compound...
            var closed = await RegisterAsync(grains, "fenglin", "public-facilities", "路灯坏了 — street light out");
            await grains.GetGrain<ITicketGrain>(closed.Id).ClassifyAsync(leader, "public-facilities", null);
            await grains.GetGrain<ITicketGrain>(closed.Id).AssignToStationAsync(leader, "fenglin", null);
            await grains.GetGrain<ITicketGrain>(closed.Id).ResolveAsync(leader, "已更换灯泡 — bulb replaced");
            await grains.GetGrain<ITicketGrain>(closed.Id).CloseAsync(Actor.Resident("13991110007"), 5, "很快 — quick");
            var cancelled = await RegisterAsync(grains, "community-02", "public-facilities", "重复登记 — registered twice");
            await grains.GetGrain<ITicketGrain>(cancelled.Id).CancelAsync(leader, "重复 — duplicate");
            var routed = await RegisterAsync(grains, "community-02", "public-facilities", "健身器材松动 — loose fitness equipment");
            await grains.GetGrain<ITicketGrain>(routed.Id).ClassifyAsync(leader, "public-facilities", null);
            await grains.GetGrain<ITicketGrain>(routed.Id).AssignToStationAsync(leader, "compound-03", null);
            await grains.GetGrain<ITicketGrain>(routed.Id).StartAsync(leader, null);
            // ...and two emergencies an hour later, whose deadlines pass while the cluster is down.
            time.SetUtcNow(start.AddHours(1));
            var late = new[]
            {
                await RegisterAsync(grains, "bolangfeng", "lift-entrapment", "单元门禁刷卡没反应 — the building's card reader does not respond"),
                await RegisterAsync(grains, "compound-04", "lift-entrapment", "电梯困人 — stuck in the lift of building 4"),
            };

            time.SetUtcNow(early[0].FirstResponseDue!.Value.AddMinutes(1));
            await grains.AtRestAsync(Stations);
            // One of the escalated emergencies is taken up by the community it went to.
            var answered = grains.GetGrain<ITicketGrain>(early[1].Id);
            await answered.ClassifyAsync(leader, "lift-entrapment", null);
            await answered.AssignToStationAsync(leader, "fenglin", null);
            await answered.StartAsync(leader, "已派人 — on the way");

            acknowledged = [];
            foreach (var id in early.Concat(late).Append(closed).Append(cancelled).Append(routed).Select(t => t.Id))
                acknowledged[id] = (await grains.GetGrain<ITicketGrain>(id).GetAsync())!;
            Assert.All(early, t => Assert.Equal(1, acknowledged[t.Id].EscalationCount));
            Assert.All(late, t => Assert.Equal(0, acknowledged[t.Id].EscalationCount));
            countedBefore = await TalliesAsync(grains);
            escalatedBefore = [.. early.Select(t => t.Id)];
            missedWhileDown = [.. late.Select(t => t.Id)];
        }

        // Down past the late emergencies' deadlines; the early ones' next deadlines (2 hours after their escalation) still ahead.
        var down = acknowledged[missedWhileDown[0]].FirstResponseDue!.Value.AddMinutes(30);
        Assert.True(acknowledged.Values.Where(t => !missedWhileDown.Contains(t.Id)).All(t => t.FirstResponseDue is null || t.FirstResponseDue > down));
        time.SetUtcNow(down);

        Dictionary<string, TicketSnapshot> afterRestart = [];
        Dictionary<string, Tally> countedAfter;
        await using (var second = Host(azurite.ConnectionString, serviceId, clusterId, time))
        {
            var grains = second.Grains;
            // The sweep hands a ticket over first and counts its escalations when its pass is done: wait for both.
            var found = await WaitForAssertionAsync(async () =>
            {
                foreach (var id in missedWhileDown)
                    Assert.Equal(1, (await grains.GetGrain<ITicketGrain>(id).GetAsync())!.EscalationCount);
                Assert.Equal(countedBefore["bolangfeng"].Escalated + 1, (await Tally.OfAsync(grains, "bolangfeng")).Escalated);
                Assert.Equal(countedBefore["compound-04"].Escalated + 1, (await Tally.OfAsync(grains, "compound-04")).Escalated);
            }, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1));
            output.WriteLine($"After the restart the stations' reminders escalated {string.Join(", ", missedWhileDown)} within {found.TotalSeconds:0.0} s.");

            foreach (var id in acknowledged.Keys)
                afterRestart[id] = (await grains.GetGrain<ITicketGrain>(id).GetAsync())!;
            // Each missed deadline escalated once, at the restart's time, one level up; nothing else moved.
            foreach (var id in missedWhileDown)
            {
                var before = acknowledged[id];
                var parent = before.StationId == "bolangfeng" ? "fenglin" : "community-02";
                Assert.Equal(before.Timeline, afterRestart[id].Timeline.Take(before.Timeline.Count));
                Assert.Equal(new Step("system", $"escalate:{parent}", Registered, Registered, parent), Step.Of(Assert.Single(afterRestart[id].Timeline.Skip(before.Timeline.Count))));
                Assert.Equal((parent, 1, Registered, true), (afterRestart[id].OwnerStationId, afterRestart[id].EscalationCount, afterRestart[id].Status, afterRestart[id].FirstResponseLate));
                Assert.Equal(time.GetUtcNow(), afterRestart[id].Timeline[^1].At);
                Assert.True(await grains.QueueHoldsAsync(parent, id));
            }
            // Escalated before the restart: not again. Everything else: exactly as acknowledged.
            foreach (var id in acknowledged.Keys.Except(missedWhileDown))
                Tickets.AssertSame(acknowledged[id], afterRestart[id]);
            Assert.All(escalatedBefore, id => Assert.Single(afterRestart[id].Timeline, e => e.Action.StartsWith("escalate:", StringComparison.Ordinal)));

            countedAfter = await TalliesAsync(grains);
            var expected = new Dictionary<string, Tally>(countedBefore)
            {
                ["bolangfeng"] = countedBefore["bolangfeng"].Plus(open: -1, escalated: 1),
                ["compound-04"] = countedBefore["compound-04"].Plus(open: -1, escalated: 1),
                ["fenglin"] = countedBefore["fenglin"].Plus(open: 1),
                ["community-02"] = countedBefore["community-02"].Plus(open: 1),
            };
            Assert.Equal(expected, countedAfter);

            foreach (var station in Stations)
                Assert.Equal(0, (await grains.GetGrain<IStationGrain>(station).SweepAsync()).Escalated);
        }

        // A second restart at the same moment: nothing is due, nothing escalates again, nothing is lost.
        await using var third = Host(azurite.ConnectionString, serviceId, clusterId, time);
        await third.Grains.AtRestAsync(Stations);
        foreach (var (id, ticket) in afterRestart)
            Tickets.AssertSame(ticket, await third.Grains.GetGrain<ITicketGrain>(id).GetAsync());
        Assert.Equal(countedAfter, await TalliesAsync(third.Grains));
    }

    private static Task<TicketSnapshot> RegisterAsync(IGrainFactory grains, string stationId, string category, string description) =>
        grains.GetGrain<IStationGrain>(stationId).RegisterTicketAsync(new NewTicket(description, category, "钱女士", "13991110007", null), Tickets.NewKey());

    private static async Task<Dictionary<string, Tally>> TalliesAsync(IGrainFactory grains)
    {
        var tallies = new Dictionary<string, Tally>();
        foreach (var station in Stations)
            tallies[station] = await Tally.OfAsync(grains, station);
        return tallies;
    }

    private static GuoduApiFactory Host(string connectionString, string serviceId, string clusterId, TimeProvider time) =>
        GuoduApiFactory.OnAzureStorage(connectionString, serviceId, clusterId, time);
}
