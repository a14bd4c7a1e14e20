using AngleSharp.Dom;
using Bunit;
using GuoduActors.Dashboard.Components.Tickets;

namespace GuoduActors.Tests.Dashboard;

public sealed class TicketDetailPageTests : TicketPageContext
{
    private const string Id = "GD-20261128-0007";

    [Theory]
    [InlineData(TicketStatus.Registered, new[] { "Classify", "Cancel" })]
    [InlineData(TicketStatus.Classified, new[] { "Classify", "AssignToStation", "AssignToTeam", "Cancel" })]
    [InlineData(TicketStatus.Assigned, new[] { "Start", "Resolve", "Cancel" })]
    [InlineData(TicketStatus.InProgress, new[] { "WaitOnResident", "Resolve", "Cancel" })]
    [InlineData(TicketStatus.WaitingOnResident, new[] { "Resume", "Cancel" })]
    [InlineData(TicketStatus.Reopened, new[] { "Classify", "Start", "Resolve", "Cancel" })]
    [InlineData(TicketStatus.Resolved, new string[0])]
    [InlineData(TicketStatus.Closed, new string[0])]
    [InlineData(TicketStatus.Cancelled, new string[0])]
    public void StaffOfTheOwningStationAreOfferedExactlyWhatTheStatusAllows(TicketStatus status, string[] expected)
    {
        SignIn(SampleTickets.FenglinStaff);
        Commands.Store(SampleTickets.Ticket(Id, status));

        var page = RenderDetail();

        Assert.Equal(expected, OfferedCommands(page));
    }

    [Fact]
    public void StaffOfAnotherStationAreOfferedNothingAndToldWhoOwnsTheTicket()
    {
        SignIn(SampleTickets.OtherCommunityStaff);
        Commands.Store(SampleTickets.Ticket(Id, TicketStatus.Classified));

        var page = RenderDetail();

        Assert.Empty(OfferedCommands(page));
        Assert.Contains("此事项由凤林社区承办", page.Find("[data-role='no-actions']").TextContent);
    }

    [Fact]
    public void APlannerReadsTheTicketButIsOfferedNothing()
    {
        SignIn(SampleTickets.Planner);
        Commands.Store(SampleTickets.Ticket(Id, TicketStatus.InProgress));

        var page = RenderDetail();

        Assert.Empty(OfferedCommands(page));
        Assert.Contains("规划员只读", page.Find("[data-role='no-actions']").TextContent);
        Assert.NotEmpty(page.FindAll("[data-timeline-entry]"));
    }

    [Fact]
    public void OnlyALevel2StationIsOfferedToHandATicketBack()
    {
        SignIn(SampleTickets.FenglinStaff);
        Commands.Store(SampleTickets.Ticket(Id, TicketStatus.InProgress, owner: "bolangfeng"));
        Commands.Store(SampleTickets.Ticket("GD-20261128-0008", TicketStatus.InProgress, owner: "fenglin"));

        var atCompound = RenderDetail();
        var atCommunity = RenderDetail("GD-20261128-0008");

        Assert.Contains("HandBack", OfferedCommands(atCompound));
        Assert.DoesNotContain("HandBack", OfferedCommands(atCommunity));
    }

    [Fact]
    public void TheLeadOfTheAssignedTeamMayOnlyPauseForTheResidentAndIsPointedToTheTeamPage()
    {
        SignIn(SampleTickets.RepairTeamLead);
        Commands.Store(SampleTickets.Ticket(Id, TicketStatus.InProgress, team: "haoxiujiang"));

        var page = RenderDetail();

        Assert.Equal(["WaitOnResident"], OfferedCommands(page));
        Assert.NotNull(page.Find("[data-role='team-lead-hint']"));
    }

    [Fact]
    public void ContactDataIsMaskedForStaffOfAnotherStationAndShownToTheOwningStation()
    {
        Commands.Store(SampleTickets.Ticket(Id, TicketStatus.Registered));
        SignIn(SampleTickets.OtherCommunityStaff);
        var outsider = RenderDetail();
        SignIn(SampleTickets.FenglinStaff);
        var owner = RenderDetail();

        Assert.Equal("138****1234", outsider.Find("[data-role='resident-phone']").TextContent.Trim());
        Assert.Equal("张**", outsider.Find("[data-role='resident-name']").TextContent.Trim());
        Assert.NotNull(outsider.Find("[data-role='contact-masked']"));
        Assert.Equal(SampleTickets.Phone, owner.Find("[data-role='resident-phone']").TextContent.Trim());
        Assert.Equal("张三丰", owner.Find("[data-role='resident-name']").TextContent.Trim());
        Assert.Empty(owner.FindAll("[data-role='contact-masked']"));
    }

    [Fact]
    public void TheOwnerDeadlinesAndAPassedDeadlineAreShownWithTheOverdueOneHighlighted()
    {
        SignIn(SampleTickets.Leader);
        Commands.Store(SampleTickets.Ticket(Id, TicketStatus.Classified) with { FirstResponseDue = SampleTickets.Now.AddMinutes(-5) });

        var page = RenderDetail();

        var firstResponse = page.Find("[data-deadline='first-response']");
        Assert.Equal("true", firstResponse.GetAttribute("data-overdue"));
        Assert.Contains("时限 2026-11-28 09:58", firstResponse.TextContent);
        Assert.Contains("已超期", firstResponse.TextContent);
        Assert.Equal("false", page.Find("[data-deadline='resolution']").GetAttribute("data-overdue"));
        Assert.Equal("凤林社区", page.Find("[data-fact='owner']").TextContent.Trim());
    }

    [Fact]
    public void ARatedTicketShowsItsStarsAndComment()
    {
        SignIn(SampleTickets.Leader);
        Commands.Store(SampleTickets.Ticket(Id, TicketStatus.Closed) with { Rating = 4, RatingComment = "师傅很耐心" });

        var page = RenderDetail();

        Assert.Equal("4 星", page.Find("[data-role='rating-value']").TextContent.Trim());
        Assert.Contains("师傅很耐心", page.Find("[data-role='rating-comment']").TextContent);
    }

    [Fact]
    public void ResolvingWithoutANoteIsRefusedInPlaceAndNothingIsSent()
    {
        SignIn(SampleTickets.FenglinStaff);
        Commands.Store(SampleTickets.Ticket(Id, TicketStatus.InProgress));
        var page = RenderDetail();

        Command(page, "Resolve").Click();
        page.Find("[data-form='Resolve'] [data-role='submit']").Click();

        Assert.Equal("请填写此项。", page.Find("[data-form='Resolve'] [data-error='note']").TextContent.Trim());
        Assert.Empty(Commands.Executed);
    }

    [Fact]
    public void ANoteLongerThanTheGrainAcceptsIsRefusedInPlace()
    {
        SignIn(SampleTickets.FenglinStaff);
        Commands.Store(SampleTickets.Ticket(Id, TicketStatus.InProgress));
        var page = RenderDetail();

        Command(page, "WaitOnResident").Click();
        page.Find("[data-form='WaitOnResident'] textarea").Change(new string('等', TicketRules.MaxDescriptionLength + 1));
        page.Find("[data-form='WaitOnResident'] [data-role='submit']").Click();

        Assert.Equal("不超过 2000 字。", page.Find("[data-error='note']").TextContent.Trim());
        Assert.Empty(Commands.Executed);
    }

    [Fact]
    public void ClassifyingNeedsACategory()
    {
        SignIn(SampleTickets.FenglinStaff);
        Commands.Store(SampleTickets.Ticket(Id, TicketStatus.Registered));
        var page = RenderDetail();

        Command(page, "Classify").Click();
        page.Find("[data-form='Classify'] [data-role='submit']").Click();

        Assert.Equal("请选择一项。", page.Find("[data-error='category']").TextContent.Trim());
        Assert.Empty(Commands.Executed);
    }

    [Fact]
    public void CancellingAsksForAReasonAndSendsIt()
    {
        SignIn(SampleTickets.FenglinStaff);
        var ticket = SampleTickets.Ticket(Id, TicketStatus.Registered);
        Commands.Store(ticket);
        Commands.OnExecute = (_, action) => SampleTickets.After(ticket, action.Actor.UserId, "cancel", TicketStatus.Cancelled, action.Note);
        var page = RenderDetail();

        Command(page, "Cancel").Click();
        Assert.Contains("原因", page.Find("[data-form='Cancel']").TextContent);
        page.Find("[data-form='Cancel'] textarea").Change("  重复登记  ");
        page.Find("[data-form='Cancel'] [data-role='submit']").Click();

        var (ticketId, action) = Assert.Single(Commands.Executed);
        Assert.Equal(Id, ticketId);
        Assert.Equal(TicketCommand.Cancel, action.Command);
        Assert.Equal("重复登记", action.Note);
        Assert.Equal(("fenglin", ActorRole.StationStaff), (action.Actor.UserId, action.Actor.Role));
        Assert.Equal("cancel", page.FindAll("[data-timeline-entry]")[^1].GetAttribute("data-timeline-entry"));
        Assert.Empty(OfferedCommands(page));
        Assert.Contains("已完成：取消事项", page.Find("[data-role='done']").TextContent);
    }

    [Fact]
    public void ARefusalFromTheTicketIsShownBesideTheFormWhichKeepsWhatWasTyped()
    {
        SignIn(SampleTickets.FenglinStaff);
        Commands.Store(SampleTickets.Ticket(Id, TicketStatus.InProgress));
        Commands.OnExecute = (_, _) => throw DomainRefusalException.Conflict("A ticket that is Resolved cannot take 'Resolve'.");
        var page = RenderDetail();

        Command(page, "Resolve").Click();
        page.Find("[data-form='Resolve'] textarea").Change("已修好");
        page.Find("[data-form='Resolve'] [data-role='submit']").Click();

        var refusal = page.Find("[data-form='Resolve'] [data-role='refusal']").TextContent;
        Assert.Contains("未执行：事项的状态不允许此操作", refusal);
        Assert.Contains("cannot take 'Resolve'", refusal);
        Assert.Equal("已修好", page.Find("[data-form='Resolve'] textarea").GetAttribute("value") ?? page.Find("[data-form='Resolve'] textarea").TextContent);
    }

    [Fact]
    public void AForbiddenAnswerIsShownInPlaceToo()
    {
        SignIn(SampleTickets.FenglinStaff);
        Commands.Store(SampleTickets.Ticket(Id, TicketStatus.Assigned));
        Commands.OnExecute = (_, _) => throw new DomainRefusalException(RefusalKind.Forbidden, "'fenglin' may not start ticket.");
        var page = RenderDetail();

        Command(page, "Start").Click();
        page.Find("[data-form='Start'] [data-role='submit']").Click();

        Assert.Contains("未执行：您无权办理此事项。", page.Find("[data-role='refusal']").TextContent);
    }

    [Fact]
    public void TheTeamPickerShowsFreeCapacityAndDisablesTeamsWhoseSkillsDoNotFit()
    {
        SignIn(SampleTickets.FenglinStaff);
        Commands.Store(SampleTickets.Ticket(Id, TicketStatus.Classified, category: "plumbing-drains"));
        var page = RenderDetail();

        Command(page, "AssignToTeam").Click();

        var form = page.Find("[data-form='AssignToTeam']");
        Assert.Contains("“好修匠”服务队 · 空余 3/4", form.TextContent);
        Assert.Contains("夕阳红服务队 · 空余 0/2 · 技能不符", form.TextContent);
        Assert.Contains("管道疏通", form.QuerySelector("[data-role='skills-needed']")!.TextContent);
    }

    [Fact]
    public void WhenSomeoneElseActsThePushedChangeShowsInTheTimeline()
    {
        SignIn(SampleTickets.Leader);
        var ticket = SampleTickets.Ticket(Id, TicketStatus.Registered);
        Commands.Store(ticket);
        var page = RenderDetail();
        page.WaitForAssertion(() => Assert.Equal(1, Live.Subscribers));

        Commands.Store(SampleTickets.After(ticket, "fenglin", "classify:plumbing-drains", TicketStatus.Classified));
        Live.Push(new LiveBatch([new LiveEvent(SampleTickets.Now, Id, "classify:plumbing-drains", TicketStatus.Classified, "fenglin", "fenglin", "plumbing-drains", "")], false, SampleTickets.Now));

        page.WaitForAssertion(() =>
        {
            Assert.Equal("classify:plumbing-drains", page.FindAll("[data-timeline-entry]")[^1].GetAttribute("data-timeline-entry"));
            Assert.NotNull(page.Find("[data-role='updated-live']"));
            Assert.Contains("AssignToStation", OfferedCommands(page));
        });
    }

    [Fact]
    public async Task APushArrivingOnAThreadOfAnotherCultureStillRendersInTheReadersLanguage()
    {
        using var english = new CultureScope("en");
        SignIn(SampleTickets.Leader);
        var ticket = SampleTickets.Ticket(Id, TicketStatus.Registered);
        Commands.Store(ticket);
        var page = RenderDetail();
        page.WaitForAssertion(() => Assert.Equal(1, Live.Subscribers));

        Commands.Store(SampleTickets.After(ticket, "fenglin", "classify:plumbing-drains", TicketStatus.Classified));
        // As the cluster's observer thread delivers it: the invariant culture, whose neutral texts are Chinese.
        await Task.Run(() =>
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
            Live.Push(new LiveBatch([new LiveEvent(SampleTickets.Now, Id, "classify:plumbing-drains", TicketStatus.Classified, "fenglin", "fenglin", null, "")], false, SampleTickets.Now));
        });

        page.WaitForAssertion(() =>
        {
            Assert.Equal("Classified as “Leaking pipes and blocked drains”", page.FindAll("[data-timeline-entry] [data-role='what']")[^1].TextContent.Trim());
            Assert.Contains("The ticket just changed", page.Find("[data-role='updated-live']").TextContent);
        });
    }

    [Fact]
    public void APushAboutAnotherTicketDoesNotReadThisOneAgain()
    {
        SignIn(SampleTickets.Leader);
        Commands.Store(SampleTickets.Ticket(Id, TicketStatus.Registered));
        var page = RenderDetail();
        page.WaitForAssertion(() => Assert.Equal(1, Live.Subscribers));
        var reads = Commands.Reads;

        Live.Push(new LiveBatch([new LiveEvent(SampleTickets.Now, "GD-20261128-0099", "start", TicketStatus.InProgress, "fenglin", "fenglin", null, "")], false, SampleTickets.Now));

        Assert.Equal(reads, Commands.Reads);
    }

    [Fact]
    public void AVisitorWhoIsNotSignedInIsAskedToSignInAndSeesNoTicketData()
    {
        Commands.Store(SampleTickets.Ticket(Id, TicketStatus.Registered));

        var page = RenderDetail();

        Assert.NotNull(page.Find("[data-role='sign-in-needed']"));
        Assert.DoesNotContain("下水道", page.Markup);
    }

    [Fact]
    public void AnUnknownTicketIsSaidToBeUnknown()
    {
        SignIn(SampleTickets.Leader);

        var page = RenderDetail("GD-20261128-0404");

        Assert.Contains("没有编号为 GD-20261128-0404 的事项", page.Find("[data-role='not-found']").TextContent);
    }

    private IRenderedComponent<TicketDetailPage> RenderDetail(string id = Id) => Render<TicketDetailPage>(p => p.Add(d => d.Id, id));

    private static string[] OfferedCommands(IRenderedComponent<TicketDetailPage> page) =>
        page.FindAll("[data-command]").Select(b => b.GetAttribute("data-command")!).ToArray();

    private static IElement Command(IRenderedComponent<TicketDetailPage> page, string command) => page.Find($"[data-command='{command}']");
}
