using System.Text.RegularExpressions;

namespace GuoduActors.Tests.Api;

/// <summary>Registering a ticket over HTTP (登记), reading it back, and retrying safely with an Idempotency-Key.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class TicketRegistrationTests(ApiFixture api)
{
    private IGrainFactory Grains => api.Factory.Grains;

    [Fact]
    public async Task RegistrationAnswersCreatedWithLocationAndAnIdCarryingTheChinaStandardTimeDate()
    {
        using var response = await api.Http.RegisterAsync("fenglin", Tickets.Sample());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<TicketDto>();
        // The fake clock stands at 17:30 UTC on the 28th, already the 29th in Guodu.
        Assert.Matches(TicketIdPattern(), created.Id);
        Assert.StartsWith($"GD-{GuoduClock.CstDate(api.Time.GetUtcNow())}-", created.Id, StringComparison.Ordinal);
        Assert.StartsWith("GD-20261129-", created.Id, StringComparison.Ordinal);
        Assert.Equal($"/api/tickets/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(TicketStatus.Registered, created.Status);
        Assert.Equal(api.Time.GetUtcNow(), created.RegisteredAt);
    }

    [Fact]
    public async Task RegisteredTicketIsReadBackWithTheResidentsContactMasked()
    {
        var created = await api.Http.RegisterCreatedAsync("bolangfeng", Tickets.Sample("电梯异响 — the lift in building 5 makes a grinding noise"));

        var ticket = await api.Http.GetTicketAsPlannerAsync(created.Id);

        Assert.NotNull(ticket);
        Assert.Equal(created.Id, ticket.Id);
        Assert.Equal("bolangfeng", ticket.StationId);
        Assert.Equal("电梯异响 — the lift in building 5 makes a grinding noise", ticket.Description);
        Assert.Equal("138****1234", ticket.ResidentPhone);
        Assert.Equal("张**", ticket.ResidentName);
        Assert.Equal(TicketStatus.Registered, ticket.Status);
        Assert.Single(ticket.Timeline);
    }

    [Fact]
    public async Task RetriedRegistrationWithSameKeyReturnsTheSameTicketAndCountsItOnce()
    {
        const string station = "community-07";
        var before = await StationLedger.SettledAsync(Grains, "guodu");
        var key = Tickets.NewKey();

        var first = await api.Http.RegisterCreatedAsync(station, Tickets.Sample(), key);
        var retry = await api.Http.RegisterCreatedAsync(station, Tickets.Sample(), key);

        Assert.Equal(first.Id, retry.Id);
        Assert.Equal(first.RegisteredAt, retry.RegisteredAt);
        var after = await StationLedger.SettledAsync(Grains, "guodu");
        Assert.Equal((before[station].Open + 1, before[station].Received + 1), after[station]);
    }

    [Fact]
    public async Task SameKeyWithADifferentBodyIsAConflictAndLeavesTheFirstTicketAlone()
    {
        const string station = "community-08";
        var key = Tickets.NewKey();
        var first = await api.Http.RegisterCreatedAsync(station, Tickets.Sample("垃圾未清运 — rubbish not collected"), key);
        var before = await StationLedger.SettledAsync(Grains, "guodu");

        using var conflict = await api.Http.RegisterAsync(station, Tickets.Sample("完全不同的事 — something else entirely"), key);

        await conflict.AssertProblemAsync(HttpStatusCode.Conflict);
        var ticket = await api.Http.GetTicketAsPlannerAsync(first.Id);
        Assert.Equal("垃圾未清运 — rubbish not collected", ticket!.Description);
        (await StationLedger.SettledAsync(Grains, "guodu")).AssertSameAs(before);
    }

    [GeneratedRegex(@"^GD-\d{8}-\d{4}$")]
    private static partial Regex TicketIdPattern();
}
