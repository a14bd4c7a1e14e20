using Bunit;
using GuoduActors.Dashboard.Components;
using GuoduActors.Dashboard.Components.Tickets;
using Microsoft.AspNetCore.Components;
using Radzen;

namespace GuoduActors.Tests.Dashboard;

public sealed class TicketsPageTests : TicketPageContext
{
    [Fact]
    public void TheFirstPageIsAskedOfTheProjectionNewestFirstAsTheSignedInStaff()
    {
        SignIn(SampleTickets.FenglinStaff);
        Queries.Rows = Enumerable.Range(1, 45).Select(n => SampleTickets.Row(n)).ToList();

        var page = Render<TicketsPage>();

        page.WaitForAssertion(() => Assert.Equal(TicketsPage.PageSize, page.FindAll("tr[data-ticket]").Count));
        var (viewer, query) = Queries.Queries[^1];
        Assert.Equal(("fenglin", ActorRole.StationStaff), (viewer.UserId, viewer.Role));
        Assert.Equal((1, TicketsPage.PageSize, TicketSort.RegisteredAt, true), (query.Page, query.PageSize, query.Sort, query.Descending));
        Assert.Null(query.Station);
        Assert.Equal("共 45 件", page.Find("[data-role='total']").TextContent.Trim());
    }

    [Theory]
    [InlineData(0, 20, null, null, 1, 20, TicketSort.RegisteredAt, true)]
    [InlineData(40, 20, "NextDue", SortOrder.Ascending, 3, 20, TicketSort.Due, false)]
    [InlineData(50, 50, "Status", SortOrder.Descending, 2, 50, TicketSort.Status, true)]
    [InlineData(10, 10, "OwnerId", SortOrder.Ascending, 2, 10, TicketSort.Station, false)]
    [InlineData(0, 100, "UpdatedAt", SortOrder.Descending, 1, 100, TicketSort.UpdatedAt, true)]
    [InlineData(0, 20, "RegisteredAt", SortOrder.Ascending, 1, 20, TicketSort.RegisteredAt, false)]
    [InlineData(0, 20, "Description", SortOrder.Ascending, 1, 20, TicketSort.RegisteredAt, true)]
    public void TheGridsPagingAndSortingMapToTheProjectionQuery(
        int skip, int top, string? sortProperty, SortOrder? order, int page, int pageSize, TicketSort sort, bool descending)
    {
        var args = new LoadDataArgs
        {
            Skip = skip,
            Top = top,
            Sorts = sortProperty is null ? [] : [new SortDescriptor { Property = sortProperty, SortOrder = order ?? SortOrder.Ascending }],
        };

        var query = TicketsPage.ToQuery(args, new TicketFilterModel());

        Assert.Equal((page, pageSize, sort, descending), (query.Page, query.PageSize, query.Sort, query.Descending));
    }

    [Fact]
    public void TheFiltersGoIntoTheQueryWithDatesAsChinaStandardTimeDays()
    {
        var filters = new TicketFilterModel
        {
            Station = "bolangfeng", Status = TicketStatus.InProgress, Category = "plumbing-drains", Priority = "utilities",
            From = new DateTime(2026, 11, 1), To = new DateTime(2026, 11, 28), Overdue = true, Text = "  下水道 ",
        };

        var query = TicketsPage.ToQuery(new LoadDataArgs { Skip = 0, Top = 20 }, filters);

        Assert.Equal(
            ("bolangfeng", (TicketStatus?)TicketStatus.InProgress, "plumbing-drains", "utilities", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 28), (bool?)true, "下水道"),
            (query.Station, query.Status, query.Category, query.Priority, query.From!.Value, query.To!.Value, query.Overdue, query.Text));
    }

    [Fact]
    public void APlainListAsksOnlyForTheLastThirtyDaysAndShowsThatWindowInTheFilterBar()
    {
        SignIn(SampleTickets.Leader);
        Queries.Rows = [SampleTickets.Row(1)];

        var page = Render<TicketsPage>();

        page.WaitForAssertion(() => Assert.NotNull(Queries.Last));
        var today = DateOnly.FromDateTime(GuoduActors.Dashboard.Services.ChinaTime.ToChina(SampleTickets.Now).Date);
        Assert.Equal(today.AddDays(-29), Queries.Last!.From);
        Assert.Null(Queries.Last.To);
        Assert.Equal(today.AddDays(-29).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            page.Find("[data-filter='from'] input").GetAttribute("value"));
        Assert.Contains("最近 30 天", page.Find("[data-role='default-window']").TextContent);
        // Resetting would change nothing: the window is where a reset leads.
        Assert.True(page.Find("[data-role='clear-filters']").HasAttribute("disabled"));
    }

    [Fact]
    public void ClearingTheDateListsEveryTicketAndResettingBringsTheWindowBack()
    {
        SignIn(SampleTickets.Leader);
        var page = Render<TicketsPage>();
        page.WaitForAssertion(() => Assert.NotNull(Queries.Last?.From));
        var window = Queries.Last!.From;

        var from = page.FindComponents<Radzen.Blazor.RadzenDatePicker<DateTime?>>().Single(p => p.Instance.Name == "from");
        from.Find(".rz-dropdown-clear-icon").Click();

        page.WaitForAssertion(() => Assert.Null(Queries.Last!.From));
        Assert.Empty(page.FindAll("[data-role='default-window']"));
        Assert.StartsWith("暂无事项", page.Find("[data-role='empty']").TextContent.Trim());

        page.Find("[data-role='clear-filters']").Click();

        page.WaitForAssertion(() => Assert.Equal(window, Queries.Last!.From));
        Assert.NotEmpty(page.FindAll("[data-role='default-window']"));
    }

    [Fact]
    public void ALinkThatSetsFiltersHasNoDateWindowButResettingLeadsToIt()
    {
        SignIn(SampleTickets.Leader);
        Services.GetRequiredService<NavigationManager>().NavigateTo("tickets?station=fenglin&overdue=true");
        var page = Render<TicketsPage>();
        page.WaitForAssertion(() => Assert.NotNull(Queries.Last));
        // The station's overdue tickets, however old: the link means all of them.
        Assert.Null(Queries.Last!.From);

        page.Find("[data-role='clear-filters']").Click();

        page.WaitForAssertion(() => Assert.NotNull(Queries.Last!.From));
        Assert.Null(Queries.Last!.Station);
        Assert.Null(Queries.Last.Overdue);
    }

    [Fact]
    public void GoingToAnotherPageAsksTheServerForThatPage()
    {
        SignIn(SampleTickets.Leader);
        Queries.Rows = Enumerable.Range(1, 45).Select(n => SampleTickets.Row(n)).ToList();
        var page = Render<TicketsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tr[data-ticket]")));

        page.Find(".rz-pager-next").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Equal(2, Queries.Last!.Page);
            Assert.Equal("GD-20261128-0021", page.FindAll("tr[data-ticket]")[0].GetAttribute("data-ticket"));
        });
    }

    [Fact]
    public void LinksFromOtherPagesSetTheFiltersAndAStaffMemberCannotWidenThemBeyondTheirStations()
    {
        SignIn(SampleTickets.BolangfengStaff);
        Services.GetRequiredService<NavigationManager>().NavigateTo("tickets?station=fenglin&overdue=true&status=InProgress");

        var page = Render<TicketsPage>();

        page.WaitForAssertion(() => Assert.NotNull(Queries.Last));
        Assert.Null(Queries.Last!.Station);
        Assert.True(Queries.Last.Overdue);
        Assert.Equal(TicketStatus.InProgress, Queries.Last.Status);
    }

    [Fact]
    public void APushAboutTicketsReloadsThePageTheReaderIsOn()
    {
        SignIn(SampleTickets.Leader);
        Queries.Rows = [SampleTickets.Row(1)];
        var page = Render<TicketsPage>();
        page.WaitForAssertion(() => Assert.Equal(1, Live.Subscribers));
        var asked = Queries.Queries.Count;

        Queries.Rows = [SampleTickets.Row(2), SampleTickets.Row(1)];
        Live.Push(new LiveBatch([new LiveEvent(SampleTickets.Now, "GD-20261128-0002", "register", TicketStatus.Registered, "fenglin", "fenglin", null, "")], false, SampleTickets.Now));

        page.WaitForAssertion(() =>
        {
            Assert.True(Queries.Queries.Count > asked);
            Assert.Equal(2, page.FindAll("tr[data-ticket]").Count);
        });
    }

    [Fact]
    public void ABurstOfPushesReloadsTheListOnceAtOnceAndOnceMoreAfterTheGap()
    {
        SignIn(SampleTickets.Leader);
        Queries.Rows = [SampleTickets.Row(1)];
        var page = Render<TicketsPage>();
        page.WaitForAssertion(() => Assert.Equal(1, Live.Subscribers));
        var asked = Queries.Queries.Count;

        for (var n = 2; n < 102; n++)
            Live.Push(new LiveBatch([new LiveEvent(SampleTickets.Now, $"GD-20261128-{n:0000}", "register", TicketStatus.Registered, "fenglin", "fenglin", null, "")], false, SampleTickets.Now));
        page.WaitForAssertion(() => Assert.Equal(asked + 1, Queries.Queries.Count));
        Assert.Equal(1, page.Instance.Refreshes);

        // The rest of the burst waits for the end of the gap: one more reload, which shows the last push.
        Queries.Rows = [SampleTickets.Row(101), SampleTickets.Row(1)];
        Time.Advance(LivePage.MinRefreshGap);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr[data-ticket]").Count));
        Assert.Equal(asked + 2, Queries.Queries.Count);
        Assert.Equal(2, page.Instance.Refreshes);
    }

    [Fact]
    public void OverdueTicketsAreMarkedInTheList()
    {
        SignIn(SampleTickets.Leader);
        var overdue = SampleTickets.Row(1) with { FirstResponseDue = SampleTickets.Now.AddMinutes(-1) };
        Queries.Rows = [overdue, SampleTickets.Row(2)];

        var page = Render<TicketsPage>();

        page.WaitForAssertion(() => Assert.Equal("true", page.Find("tr[data-ticket='GD-20261128-0001']").GetAttribute("data-overdue")));
        Assert.Null(page.Find("tr[data-ticket='GD-20261128-0002']").GetAttribute("data-overdue"));
        Assert.Contains("已超期", page.Find("tr[data-ticket='GD-20261128-0001']").TextContent);
    }

    [Fact]
    public void AnEmptyListSaysWhatToDo()
    {
        SignIn(SampleTickets.Leader);

        var page = Render<TicketsPage>();

        page.WaitForAssertion(() => Assert.Contains("居民在“反映事项”页提交", page.Find("[data-role='empty']").TextContent));
    }

    [Fact]
    public void AVisitorIsAskedToSignInAndATeamLeadIsSentToTheTeamPage()
    {
        var visitor = Render<TicketsPage>();
        SignIn(SampleTickets.RepairTeamLead);
        var lead = Render<TicketsPage>();

        Assert.NotNull(visitor.Find("[data-role='sign-in-needed']"));
        Assert.NotNull(lead.Find("[data-role='team-lead']"));
        Assert.Empty(Queries.Queries);
    }
}
