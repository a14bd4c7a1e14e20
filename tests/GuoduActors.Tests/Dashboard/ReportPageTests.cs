using Bunit;
using GuoduActors.Dashboard.Components.Resident;
using Microsoft.AspNetCore.Components;

namespace GuoduActors.Tests.Dashboard;

public sealed class ReportPageTests : TicketPageContext
{
    [Fact]
    public void MissingStationDescriptionAndPhoneAreEachExplainedInPlaceAndNothingIsRegistered()
    {
        var page = Render<ReportPage>();

        page.Find("[data-role='submit']").Click();

        Assert.Equal("请选择一项。", page.Find("[data-error='station']").TextContent.Trim());
        Assert.Equal("请填写此项。", page.Find("[data-error='description']").TextContent.Trim());
        Assert.Equal("请填写此项。", page.Find("[data-error='residentPhone']").TextContent.Trim());
        Assert.Empty(Commands.Registered);
    }

    [Fact]
    public void APhoneTheDomainRejectsIsExplainedInTheReadersLanguage()
    {
        var page = RenderAt("bolangfeng");
        Fill(page, "楼道灯坏了", "call me");

        page.Find("[data-role='submit']").Click();

        Assert.Equal("电话应为 5–20 位数字，可含 +、- 或空格。", page.Find("[data-error='residentPhone']").TextContent.Trim());
        Assert.Empty(Commands.Registered);
    }

    [Fact]
    public void AValidReportIsRegisteredAtTheChosenStationAndItsNumberShown()
    {
        var page = RenderAt("bolangfeng");
        Fill(page, "  楼道灯坏了  ", "138-1234-1234");

        page.Find("[data-role='submit']").Click();

        var (station, ticket, key) = Assert.Single(Commands.Registered);
        Assert.Equal("bolangfeng", station);
        Assert.Equal(new NewTicket("楼道灯坏了", null, null, "138-1234-1234", null), ticket);
        Assert.True(TicketRules.IsValidRequestKey(key));
        Assert.Contains("已登记，编号 GD-20261128-0042。", page.Find("[data-role='ticket-id']").TextContent);
    }

    [Fact]
    public void ARetryAfterALostAnswerSendsTheSameRequestKeySoTheMatterIsRegisteredOnce()
    {
        var page = RenderAt("bolangfeng");
        Fill(page, "楼道灯坏了", "13812341234");
        var attempts = 0;
        Commands.OnRegister = (_, _, _) => ++attempts == 1 ? throw new TimeoutException("Response did not arrive on time.") : SampleTickets.Ticket("GD-20261128-0042");

        page.Find("[data-role='submit']").Click();
        Assert.Contains("不会重复登记", page.Find("[data-role='report-failed']").TextContent);
        page.Find("[data-role='submit']").Click();

        Assert.Equal(2, Commands.Registered.Count);
        Assert.Equal(Commands.Registered[0].RequestKey, Commands.Registered[1].RequestKey);
        Assert.NotNull(page.Find("[data-role='report-done']"));
    }

    [Fact]
    public void ChangedContentAfterAFailureAndAnotherReportEachGetANewRequestKey()
    {
        var page = RenderAt("bolangfeng");
        Fill(page, "楼道灯坏了", "13812341234");
        var attempts = 0;
        Commands.OnRegister = (_, t, _) => ++attempts == 1 ? throw new TimeoutException("lost") : SampleTickets.Ticket("GD-20261128-0042");

        page.Find("[data-role='submit']").Click();
        Fill(page, "楼道灯和门禁都坏了", "13812341234");
        page.Find("[data-role='submit']").Click();
        page.Find("[data-role='report-another']").Click();
        Fill(page, "门禁坏了", "13812341234");
        page.Find("[data-role='submit']").Click();

        Assert.Equal(3, Commands.Registered.Select(r => r.RequestKey).Distinct().Count());
    }

    private IRenderedComponent<ReportPage> RenderAt(string station)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"report?station={station}");
        return Render<ReportPage>();
    }

    private static void Fill(IRenderedComponent<ReportPage> page, string description, string phone)
    {
        page.Find("[data-field='description']").Change(description);
        page.Find("[data-field='phone']").Change(phone);
    }
}
