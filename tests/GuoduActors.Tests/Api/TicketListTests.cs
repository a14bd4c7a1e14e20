namespace GuoduActors.Tests.Api;

/// <summary>
/// <c>GET /api/tickets</c> after its query moved to <see cref="TicketList"/> (shared with the dashboard): scope,
/// filters, paging and sorting as before. Each test marks its tickets' descriptions and searches for the mark, so the
/// tickets other tests register on the shared host do not count.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TicketListTests(ApiFixture api)
{
    [Fact]
    public async Task StaffOfALevel2StationListOnlyTheTicketsTheirStationOwns()
    {
        var mark = Mark();
        await api.Http.RegisterCreatedAsync("bolangfeng", Tickets.Sample($"{mark} 电梯异响"));
        await api.Http.RegisterCreatedAsync("community-02", Tickets.Sample($"{mark} 路灯不亮"));

        var asBolangfeng = await ListAsync($"?q={mark}", "bolangfeng", "Bolang2026");
        var asLeader = await ListAsync($"?q={mark}", "leader", "Guodu2026");

        Assert.Equal(["bolangfeng"], asBolangfeng.Items.Select(t => t.OwnerId));
        Assert.Equal(2, asLeader.Total);
    }

    [Fact]
    public async Task PagesComeNewestFirstByDefaultAndInTheAskedOrderOtherwise()
    {
        var mark = Mark();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await api.Http.RegisterCreatedAsync("fenglin", Tickets.Sample($"{mark} #{i}"))).Id);
            api.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var newest = await ListAsync($"?q={mark}&pageSize=2", "leader", "Guodu2026");
        var second = await ListAsync($"?q={mark}&pageSize=2&page=2", "leader", "Guodu2026");
        var oldest = await ListAsync($"?q={mark}&pageSize=2&sort=registeredAt&desc=false", "leader", "Guodu2026");

        Assert.Equal((3, 1, 2), (newest.Total, newest.Page, newest.PageSize));
        Assert.Equal([ids[2], ids[1]], newest.Items.Select(t => t.TicketId));
        Assert.Equal([ids[0]], second.Items.Select(t => t.TicketId));
        Assert.Equal([ids[0], ids[1]], oldest.Items.Select(t => t.TicketId));
    }

    [Fact]
    public async Task ADateRangeIsReadAsWholeDaysInChinaStandardTime()
    {
        var mark = Mark();
        await api.Http.RegisterCreatedAsync("fenglin", Tickets.Sample($"{mark} 今天"));
        var today = GuoduClock.CstDate(api.Time.GetUtcNow());
        var day = $"{today[..4]}-{today[4..6]}-{today[6..]}";

        var thatDay = await ListAsync($"?q={mark}&from={day}&to={day}", "leader", "Guodu2026");
        var before = await ListAsync($"?q={mark}&to=2020-01-01", "leader", "Guodu2026");

        Assert.Equal(1, thatDay.Total);
        Assert.Equal(0, before.Total);
    }

    [Theory]
    [InlineData("bolangfeng", "Bolang2026", "?station=fenglin", HttpStatusCode.Forbidden)]
    [InlineData("haoxiujiang", "Repair2026", "", HttpStatusCode.Forbidden)]
    [InlineData(null, null, "", HttpStatusCode.Unauthorized)]
    [InlineData("leader", "Guodu2026", "?to=2026-01-01&from=2026-02-01", HttpStatusCode.BadRequest)]
    [InlineData("leader", "Guodu2026", "?sort=priority", HttpStatusCode.BadRequest)]
    [InlineData("leader", "Guodu2026", "?pageSize=201", HttpStatusCode.BadRequest)]
    public async Task OutOfScopeUnauthenticatedAndMalformedListsAreRefused(string? user, string? password, string query, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tickets{query}");
        if (user is not null)
            request.Headers.Authorization = ApiClient.BasicAuth(user, password!);

        using var response = await api.Http.SendAsync(request);

        await response.AssertProblemAsync(status);
    }

    private async Task<TicketPage> ListAsync(string query, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tickets{query}");
        request.Headers.Authorization = ApiClient.BasicAuth(user, password);
        using var response = await api.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<TicketPage>();
    }

    private static string Mark() => $"list{Guid.NewGuid():N}"[..16];
}
