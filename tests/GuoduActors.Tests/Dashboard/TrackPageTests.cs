using Bunit;
using GuoduActors.Dashboard.Components.Resident;
using GuoduActors.Dashboard.Services.Tickets;

namespace GuoduActors.Tests.Dashboard;

public sealed class TrackPageTests : TicketPageContext
{
    private const string Id = "GD-20261128-0007";

    [Fact]
    public void AWrongPhoneLearnsNothingAboutTheTicket()
    {
        Commands.Store(SampleTickets.Ticket(Id, TicketStatus.InProgress));
        var page = Render<TrackPage>();

        Track(page, Id, "13900000000");

        Assert.Contains("没有找到与该编号和手机号相符的事项", page.Find("[data-role='track-message']").TextContent);
        Assert.DoesNotContain("下水道", page.Markup);
    }

    [Fact]
    public void TheOwnerOfThePhoneSeesTheirTicketUnmaskedWithItsTimelineInPlainWords()
    {
        var ticket = SampleTickets.After(SampleTickets.Ticket(Id, TicketStatus.Registered), "fenglin", "assign-to-station:bolangfeng", TicketStatus.Assigned);
        Commands.Store(ticket);
        var page = Render<TrackPage>();

        Track(page, Id.ToLowerInvariant(), "138 1234 1234");

        Assert.Equal(Id, page.Find("[data-role='tracked-id']").TextContent.Trim());
        Assert.Equal(SampleTickets.Phone, page.Find("[data-fact='phone']").TextContent.Trim());
        Assert.Equal("张三丰", page.Find("[data-fact='name']").TextContent.Trim());
        Assert.Equal("已转交铂琅峯小区办理", page.FindAll("[data-timeline-entry] [data-role='what']")[^1].TextContent.Trim());
        Assert.Empty(page.FindAll("[data-form='Close']"));
    }

    [Fact]
    public void AMalformedNumberIsExplainedWithoutAsking()
    {
        var page = Render<TrackPage>();

        Track(page, "12345", SampleTickets.Phone);

        Assert.Contains("GD-20261128-0042", page.Find("[data-error='id']").TextContent);
        Assert.Equal(0, Commands.Reads);
    }

    [Fact]
    public void ConfirmingWithoutChoosingStarsIsRefusedInPlace()
    {
        var page = TrackResolved();

        page.Find("[data-role='confirm']").Click();

        Assert.Equal("请选择 1 到 5 星。", page.Find("[data-error='rating']").TextContent.Trim());
        Assert.Empty(Commands.Executed);
    }

    [Fact]
    public void ACommentLongerThan500CharactersIsRefusedInPlace()
    {
        var page = TrackResolved();
        ChooseStars(page, 5);

        page.Find("[data-field='comment']").Change(new string('好', 501));
        page.Find("[data-role='confirm']").Click();

        Assert.Equal("不超过 500 字。", page.Find("[data-error='comment']").TextContent.Trim());
        Assert.Empty(Commands.Executed);
    }

    [Fact]
    public void ConfirmingWithFourStarsClosesTheTicketAsTheResidentOfThatPhone()
    {
        var page = TrackResolved();
        Commands.OnExecute = (_, action) => SampleTickets.Ticket(Id, TicketStatus.Closed) with { Rating = action.Rating };
        ChooseStars(page, 4);
        page.Find("[data-field='comment']").Change("师傅很耐心");

        page.Find("[data-role='confirm']").Click();

        var (_, action) = Assert.Single(Commands.Executed);
        Assert.Equal((TicketCommand.Close, 4, "师傅很耐心"), (action.Command, action.Rating, action.Note));
        Assert.Equal((ActorRole.Resident, SampleTickets.Phone), (action.Actor.Role, action.Actor.ResidentPhone));
        Assert.Contains("感谢您的评价", page.Find("[data-role='feedback-done']").TextContent);
        Assert.Empty(page.FindAll("[data-form='Close']"));
    }

    [Fact]
    public void ADisputeNeedsAReasonAndIsSentWithIt()
    {
        var page = TrackResolved();
        Commands.OnExecute = (_, _) => SampleTickets.Ticket(Id, TicketStatus.Reopened);

        page.Find("[data-role='dispute']").Click();
        Assert.Equal("请填写此项。", page.Find("[data-error='reason']").TextContent.Trim());
        page.Find("[data-field='reason']").Change("还是堵");
        page.Find("[data-role='dispute']").Click();

        var (_, action) = Assert.Single(Commands.Executed);
        Assert.Equal((TicketCommand.Reopen, "还是堵"), (action.Command, action.Note));
    }

    [Fact]
    public void ADisputeIsNoLongerOfferedSevenDaysAfterTheResolution()
    {
        Commands.Store(SampleTickets.Ticket(Id, TicketStatus.Closed) with { ResolvedAt = SampleTickets.Now.AddDays(-8), Rating = 5 });
        var page = Render<TrackPage>();

        Track(page, Id, SampleTickets.Phone);

        Assert.Empty(page.FindAll("[data-role='dispute']"));
        Assert.NotNull(page.Find("[data-role='dispute-closed']"));
    }

    [Fact]
    public void ARefusedConfirmationIsShownBesideItsForm()
    {
        var page = TrackResolved();
        Commands.OnExecute = (_, _) => throw DomainRefusalException.Conflict("A ticket that is Reopened cannot take 'Close'.");
        ChooseStars(page, 3);

        page.Find("[data-role='confirm']").Click();

        Assert.Contains("cannot take 'Close'", page.Find("[data-form='Close'] [data-role='refusal']").TextContent);
    }

    private IRenderedComponent<TrackPage> TrackResolved()
    {
        Commands.Store(SampleTickets.Ticket(Id, TicketStatus.Resolved) with { ResolvedAt = SampleTickets.Now.AddHours(-1) });
        var page = Render<TrackPage>();
        Track(page, Id, SampleTickets.Phone);
        return page;
    }

    private static void Track(IRenderedComponent<TrackPage> page, string id, string phone)
    {
        page.Find("[data-field='id']").Change(id);
        page.Find("[data-field='phone']").Change(phone);
        page.Find("[data-role='track']").Click();
    }

    private static void ChooseStars(IRenderedComponent<TrackPage> page, int stars)
    {
        var rating = page.FindComponent<Radzen.Blazor.RadzenRating>();
        // As a click on the n-th star reports it.
        page.InvokeAsync(() => rating.Instance.ValueChanged.InvokeAsync(stars)).GetAwaiter().GetResult();
    }
}
