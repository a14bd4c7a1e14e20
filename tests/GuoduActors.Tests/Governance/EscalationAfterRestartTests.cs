using static GuoduActors.TicketStatus;

namespace GuoduActors.Tests.Governance;

/// <summary>
/// The real host on Azure Tables (Azurite here), stopped and started again on the same ServiceId: a deadline that
/// passed while nothing ran escalates once after the restart, found by the station's durable reminder.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EscalationAfterRestartTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task ADeadlineMissedWhileTheClusterWasDownEscalatesOnceAfterTheRestart()
    {
        var serviceId = $"downtime-{Guid.NewGuid():N}";
        var clusterId = $"downtime-{Guid.NewGuid():N}";
        // The grains' clock; the reminders run on real time, so after the restart only a reminder can notice the deadline.
        var time = new FakeTimeProvider(GuoduClock.MorningInGuodu);
        TicketSnapshot registered;
        await using (var first = Host(serviceId, clusterId, time))
        {
            registered = await first.Grains.GetGrain<IStationGrain>("bolangfeng").RegisterTicketAsync(
                new NewTicket("单元门禁刷卡没反应 — the building's card reader does not respond", "public-facilities", "钱女士", "13991110007", null),
                Tickets.NewKey());
        }

        // Down for the deadline and an hour more.
        time.SetUtcNow(registered.FirstResponseDue!.Value.AddHours(1));

        TicketSnapshot escalated;
        await using (var second = Host(serviceId, clusterId, time))
        {
            var ticket = second.Grains.GetGrain<ITicketGrain>(registered.Id);
            // The sweep hands the ticket over first and counts its escalations when its pass is done: wait for both.
            var found = await WaitForAssertionAsync(async () =>
            {
                Assert.Equal("fenglin", (await ticket.GetAsync())!.OwnerStationId);
                Assert.Equal(1, (await second.Grains.CountersAsync("bolangfeng")).EscalatedTotal);
            }, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1));
            output.WriteLine($"After the restart the station's reminder escalated {registered.Id} within {found.TotalSeconds:0.0} s.");
            escalated = (await ticket.GetAsync())!;

            Assert.Equal((1, Registered, true), (escalated.EscalationCount, escalated.Status, escalated.FirstResponseLate));
            TicketAssert.Timeline(escalated,
                new("station-desk", "register", null, Registered, "bolangfeng"),
                new("system", "escalate:fenglin", Registered, Registered, "fenglin"));
            Assert.Equal(time.GetUtcNow(), escalated.Timeline[^1].At);
            Assert.True(await second.Grains.QueueHoldsAsync("fenglin", registered.Id));

            var sweptAgain = await second.Grains.GetGrain<IStationGrain>("bolangfeng").SweepAsync();
            Assert.Equal(0, sweptAgain.Escalated);
            Tickets.AssertSame(escalated, await ticket.GetAsync());
        }

        await using var third = Host(serviceId, clusterId, time);
        await third.Grains.AtRestAsync("bolangfeng", "fenglin");

        Tickets.AssertSame(escalated, await third.Grains.GetGrain<ITicketGrain>(registered.Id).GetAsync());
        Assert.Equal(1, (await third.Grains.CountersAsync("bolangfeng")).EscalatedTotal);
        Assert.Equal(0, (await third.Grains.CountersAsync("fenglin")).EscalatedTotal);
    }

    private GuoduApiFactory Host(string serviceId, string clusterId, TimeProvider time) =>
        GuoduApiFactory.OnAzureStorage(azurite.ConnectionString, serviceId, clusterId, time);
}
