using Bunit;
using GuoduActors.Dashboard.Analytics;
using GuoduActors.Dashboard.Components.Satisfaction;

namespace GuoduActors.Tests.Dashboard;

public sealed class SatisfactionPageTests : AnalyticsPageContext
{
    public SatisfactionPageTests() => Ratings.Ratings.AddRange(SampleAnalytics.Ratings());

    [Fact]
    public void AStationWhoseSatisfactionDroppedOnPlentyOfRatingsIsFlaggedWithTheEvidence()
    {
        SignInAs(Actor.Leader("leader"));
        var page = Render<SatisfactionPage>();

        var declining = page.Find("[data-role='declining']");
        Assert.Equal(["bolangfeng"], declining.QuerySelectorAll("tr[data-station]").Select(r => r.GetAttribute("data-station")));
        var row = declining.QuerySelector("tr[data-station='bolangfeng']")!.TextContent;
        Assert.Contains("铂琅峯小区", row);
        Assert.Contains("100.0% (40 条评价)", row);
        Assert.Contains("40.0% (20 条评价)", row);
        Assert.Contains("−60.0 个百分点", row);
        Assert.Contains("< 0.001", row);
    }

    [Fact]
    public void TheTestIsStatedOnThePageWithItsLevelAndHowManyStationsItCouldJudge()
    {
        SignInAs(Actor.Leader("leader"));
        var page = Render<SatisfactionPage>();

        var method = page.Find("[data-role='method']").TextContent;
        Assert.Contains("最近 4 个完整周与此前 8 周", method);
        Assert.Contains("单侧两比例 z 检验，显著性水平 1.0%", method);
        Assert.Contains("至少 10 条", method);
        // Fenglin and Bolangfeng were tested; Jinxiu's four ratings were too few.
        Assert.Contains("本次判定了 2 个站点；另有 1 个站点评价太少", method);
    }

    [Fact]
    public void TheStationChartDrawsTheSubDistrictAndTheFlaggedStationWithTheirWeeklyRates()
    {
        SignInAs(Actor.Leader("leader"));
        var page = Render<SatisfactionPage>();

        var table = page.Find("[data-table='stations']");
        Assert.Equal(["*", "bolangfeng"], table.QuerySelectorAll("thead th[data-series]").Select(h => h.GetAttribute("data-series")));
        Assert.Equal("40.0% (5 条评价)", Cell(page, "stations", "2026-11-16", "bolangfeng"));
        Assert.Equal("100.0% (5 条评价)", Cell(page, "stations", "2026-10-19", "bolangfeng"));
        // The whole sub-district in the last completed week: 2 + 4 satisfied of 5 + 5, and Jinxiu's 1.
        Assert.Equal("54.5% (11 条评价)", Cell(page, "stations", "2026-11-16", "*"));
        // The week in progress shows its rate so far, marked as such; nobody rated at Bolangfeng yet.
        Assert.Contains("本周，进行中", table.QuerySelector("tr[data-week='2026-11-23'] td")!.TextContent);
        Assert.Equal("—", Cell(page, "stations", "2026-11-23", "bolangfeng"));
        Assert.Equal("0.0% (1 条评价)", Cell(page, "stations", "2026-11-23", "*"));
    }

    [Fact]
    public void TheChartsHaveAxisTitlesAndALegendNamingEachLine()
    {
        SignInAs(Actor.Leader("leader"));
        var page = Render<SatisfactionPage>();

        var chart = page.Find("[data-role='by-station']");
        page.WaitForAssertion(() => Assert.NotEmpty(chart.QuerySelectorAll("svg path")));
        Assert.Contains("满意率（%）", chart.TextContent);
        Assert.Contains("周（周一日期）", chart.TextContent);
        var legend = chart.QuerySelectorAll(".rz-legend-item").Select(i => i.TextContent.Trim()).ToList();
        Assert.Equal(["郭杜街道", "铂琅峯小区"], legend);
    }

    [Fact]
    public void TheCategoryChartStartsWithTheMostRatedCategories()
    {
        SignInAs(Actor.Leader("leader"));
        var page = Render<SatisfactionPage>();

        var table = page.Find("[data-table='categories']");
        Assert.Equal(["plumbing-drains", "electrical", "parcel-locker"], table.QuerySelectorAll("thead th[data-series]").Select(h => h.GetAttribute("data-series")));
        Assert.Contains("水管漏水及下水道疏通", table.QuerySelector("thead")!.TextContent);
        // Fenglin's electrical ratings each week: 5, 4, 3 → 2 of 3 satisfied.
        Assert.Equal("66.7% (3 条评价)", Cell(page, "categories", "2026-11-16", "electrical"));
    }

    [Fact]
    public void LowRatingsShowWhatTheResidentSaidNewestFirst()
    {
        Ratings.Comments["F-now"] = "等了三天没人来，打电话也没人接";
        Ratings.Comments["B-11-2"] = null;
        SignInAs(Actor.Leader("leader"));
        var page = Render<SatisfactionPage>();

        var rows = page.FindAll("[data-role='low-ratings'] tr[data-ticket]");
        Assert.Equal("F-now", rows[0].GetAttribute("data-ticket"));
        Assert.Contains("等了三天没人来，打电话也没人接", rows[0].TextContent);
        Assert.Contains("2026-11-27 16:00", rows[0].TextContent);
        Assert.Contains("1 分", rows[0].TextContent);
        Assert.Contains("凤林社区", rows[0].TextContent);
        Assert.Contains("电路故障及开关插座维修", rows[0].TextContent);
        Assert.Equal("（未留言）", page.Find("tr[data-ticket='B-11-2'] [data-role='comment']").TextContent.Trim());
        Assert.Equal("（留言暂时无法读取）", page.Find("tr[data-ticket='B-11-3'] [data-role='comment']").TextContent.Trim());
    }

    [Fact]
    public void OnlyRatingsOfOneOrTwoAreListedAndOnlyTheirCommentsAreRead()
    {
        SignInAs(Actor.Leader("leader"));
        Render<SatisfactionPage>();

        var asked = Assert.Single(Ratings.CommentRequests);
        var low = Ratings.Ratings.Where(r => r.Rating <= 2).Select(r => r.TicketId).ToHashSet();
        Assert.Equal(low.Count, asked.Count);
        Assert.All(asked, id => Assert.Contains(id, low));
        Assert.DoesNotContain("B-11-4", asked);
    }

    [Fact]
    public void CommentsAreReadForTheFiftyMostRecentLowRatingsAtMost()
    {
        for (var i = 0; i < 70; i++)
            Ratings.Ratings.Add(SampleAnalytics.Rating($"X-{i:D2}", "fenglin", "noise", 2, SampleAnalytics.Cst(11, 24, 8).AddMinutes(i)));
        SignInAs(Actor.Leader("leader"));
        Render<SatisfactionPage>();

        var asked = Assert.Single(Ratings.CommentRequests);
        Assert.Equal(50, asked.Count);
        Assert.Contains("X-69", asked);
        Assert.DoesNotContain("X-19", asked);
    }

    [Fact]
    public void WithNoRatingsYetThePageSaysWhereRatingsComeFromAndFlagsNothing()
    {
        Ratings.Ratings.Clear();
        SignInAs(Planner);
        var page = Render<SatisfactionPage>();

        Assert.Contains("群众确认办结时给出 1–5 分评价", page.Find("[data-role='no-ratings']").TextContent);
        Assert.Contains("没有站点的满意率明显下降", page.Find("[data-role='none-declining']").TextContent);
        Assert.Contains("这些周内没有 1–2 分的评价", page.Find("[data-role='low-ratings']").TextContent);
    }

    [Fact]
    public void SatisfactionIsForLeadersAndPlannersOnly()
    {
        SignInAs(Actor.Staff("fenglin", "fenglin", "bolangfeng"));
        var page = Render<SatisfactionPage>();

        Assert.Contains("满意度分析供街道领导和规划人员使用", page.Find("[data-role='access']").TextContent);
        Assert.Equal(0, Ratings.RatingReads);
    }

    [Fact]
    public void UnderTheEnglishCultureTheSatisfactionPageSpeaksEnglish()
    {
        using var english = new CultureScope("en");
        SignInAs(Actor.Leader("leader"));
        var page = Render<SatisfactionPage>();

        Assert.Contains("Stations whose satisfaction is falling", page.Find("[data-role='declining']").TextContent);
        Assert.Contains("Bolangfeng Compound", page.Find("[data-role='declining'] tr[data-station='bolangfeng']").TextContent);
        Assert.Contains("one-sided two-proportion z-test at the 1.0% level", page.Find("[data-role='method']").TextContent);
        Assert.Contains("Satisfaction rate (%)", page.Find("[data-role='by-station']").TextContent);
        Assert.Equal("40.0% (5 ratings)", Cell(page, "stations", "2026-11-16", "bolangfeng"));
    }

    private static string Cell(IRenderedComponent<SatisfactionPage> page, string chart, string week, string series) =>
        page.Find($"[data-table='{chart}'] tr[data-week='{week}'] td[data-series='{series}']").TextContent.Trim();
}
