using Bunit;
using GuoduActors.Dashboard.Components.Tickets;
using GuoduActors.Dashboard.Localization;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Tests.Dashboard;

public sealed class TicketTimelineTests : TicketPageContext
{
    private static readonly DateTimeOffset Registered = SampleTickets.Now.AddHours(-2); // 08:03 CST

    private static readonly IReadOnlyList<TimelineEntry> Handled =
    [
        new(Registered, "station-desk", "register", null, TicketStatus.Registered, null, "fenglin"),
        new(Registered.AddMinutes(10), "fenglin", "classify:plumbing-drains", TicketStatus.Registered, TicketStatus.Classified, "住户电话确认", "fenglin"),
        new(Registered.AddMinutes(20), "fenglin", "assign-to-station:bolangfeng", TicketStatus.Classified, TicketStatus.Assigned, null, "bolangfeng"),
        new(Registered.AddMinutes(30), "bolangfeng", "hand-back:fenglin", TicketStatus.Assigned, TicketStatus.Classified, "物业无维修工，退回社区", "fenglin"),
        new(Registered.AddMinutes(40), "system", "escalate:guodu", TicketStatus.Classified, TicketStatus.Classified, "Resolution deadline passed", "guodu"),
        new(Registered.AddMinutes(50), "leader", "resolve", TicketStatus.Classified, TicketStatus.Resolved, "已疏通下水道", "guodu"),
    ];

    [Fact]
    public void EveryEntryShowsWhenInChinaStandardTimeWhatWhoTheStatusChangeTheOwnerAndTheNote()
    {
        var timeline = RenderTimeline(forResident: false);

        var entries = timeline.FindAll("[data-timeline-entry]");
        Assert.Equal(Handled.Select(e => e.Action), entries.Select(e => e.GetAttribute("data-timeline-entry")));
        var classify = entries[1];
        Assert.Equal("2026-11-28 08:13", classify.QuerySelector("[data-role='when']")!.TextContent.Trim());
        Assert.Equal("分类为“水管漏水及下水道疏通”", classify.QuerySelector("[data-role='what']")!.TextContent.Trim());
        Assert.Equal("fenglin", classify.QuerySelector("[data-role='who']")!.TextContent.Trim());
        Assert.Contains("已登记 → 已分类", classify.QuerySelector("[data-role='transition']")!.TextContent);
        Assert.Equal("“住户电话确认”", classify.QuerySelector("[data-role='note']")!.TextContent.Trim());
        Assert.Equal("流转至铂琅峯小区", entries[2].QuerySelector("[data-role='what']")!.TextContent.Trim());
        Assert.Contains("承办：铂琅峯小区", entries[2].QuerySelector("[data-role='owner']")!.TextContent);
        Assert.Equal("超期上报至郭杜街道“小事办”", entries[4].QuerySelector("[data-role='what']")!.TextContent.Trim());
        Assert.Equal("系统", entries[4].QuerySelector("[data-role='who']")!.TextContent.Trim());
        Assert.Equal("服务站窗口", entries[0].QuerySelector("[data-role='who']")!.TextContent.Trim());
    }

    [Fact]
    public void ResidentsReadPlainWordsWithoutStaffAccountsStatusCodesOrInternalNotes()
    {
        var timeline = RenderTimeline(forResident: true);

        var entries = timeline.FindAll("[data-timeline-entry]");
        Assert.Equal("已转交铂琅峯小区办理", entries[2].QuerySelector("[data-role='what']")!.TextContent.Trim());
        Assert.Equal("工作人员", entries[1].QuerySelector("[data-role='who']")!.TextContent.Trim());
        Assert.Empty(timeline.FindAll("[data-role='transition']"));
        Assert.DoesNotContain("物业无维修工", timeline.Markup);
        Assert.DoesNotContain("deadline passed", timeline.Markup);
        Assert.Equal("“已疏通下水道”", entries[5].QuerySelector("[data-role='note']")!.TextContent.Trim());
        Assert.Equal("已办结，请确认并评价", entries[5].QuerySelector("[data-role='what']")!.TextContent.Trim());
    }

    [Fact]
    public void InEnglishTheEntriesAndNamesAreEnglish()
    {
        using var english = new CultureScope("en");
        var timeline = RenderTimeline(forResident: false);

        var entries = timeline.FindAll("[data-timeline-entry]");
        Assert.Equal("Routed to Bolangfeng Compound", entries[2].QuerySelector("[data-role='what']")!.TextContent.Trim());
        Assert.Contains("Registered → Classified", entries[1].QuerySelector("[data-role='transition']")!.TextContent);
    }

    [Fact]
    public void ARatingIsReadAsStars()
    {
        var words = Words();
        var close = new TimelineEntry(SampleTickets.Now, "resident", "close:rating 4", TicketStatus.Resolved, TicketStatus.Closed, "很满意", "fenglin");

        Assert.Equal("居民确认并评价（4 星）", words.What(close, forResident: false));
        Assert.Equal("您已确认并评价（4 星）", words.What(close, forResident: true));
    }

    private IRenderedComponent<TicketTimeline> RenderTimeline(bool forResident) =>
        Render<TicketTimeline>(p => p.Add(t => t.Entries, Handled).Add(t => t.Words, Words()).Add(t => t.ForResident, forResident));

    private TicketWords Words() => new(
        Services.GetRequiredService<IStringLocalizer<TicketsResource>>(), Services.GetRequiredService<IStringLocalizer<SharedResource>>(),
        Sla.SlaTestData.ShippedCatalogue, SampleTickets.Roster);
}
