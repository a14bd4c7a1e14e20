using System.Text.Json.Nodes;
using GuoduActors.Grains.Simulation;
using GuoduActors.Grains.Sla;
using static GuoduActors.Tests.Simulation.SimulationData;

namespace GuoduActors.Tests.Simulation;

/// <summary>The simulated history: reproducible, and shaped like a Xi'an sub-district's year of small matters.</summary>
public sealed class HistoryGeneratorTests
{
    private static readonly SimulatedHistory History = TwoYears;
    private static readonly IReadOnlyList<TicketRow> All = History.Rows();
    private static readonly DateTimeOffset Until = TwoYearPlan.Until;

    [Fact]
    public void TheSameSeedGivesTheSameHistory()
    {
        var plan = HistoryGenerator.PlanEndingOn(GuoduClock.MorningInGuodu, 45, 11, 3.5);

        var first = Generator().Generate(plan);
        var second = Generator().Generate(plan);

        Assert.Equal(first.Rows(), second.Rows());
        Assert.Equal(first.DailyCounts.Keys.Order(), second.DailyCounts.Keys.Order());
        Assert.All(first.DailyCounts, station => Assert.Equal(station.Value, second.DailyCounts[station.Key]));
        Assert.Equal(first.LiveTickets.SelectMany(t => t.Timeline), second.LiveTickets.SelectMany(t => t.Timeline));
    }

    [Fact]
    public void AnotherSeedGivesAnotherHistoryOfTheSameSize()
    {
        var plan = HistoryGenerator.PlanEndingOn(GuoduClock.MorningInGuodu, 45, 11, 3.5);

        var one = Generator().Generate(plan).Rows();
        var other = Generator().Generate(plan with { Seed = 12 }).Rows();

        Assert.NotEqual(one.Select(r => (r.StationId, r.CategoryCode, r.RegisteredAt)), other.Select(r => (r.StationId, r.CategoryCode, r.RegisteredAt)));
        Assert.InRange(other.Count, one.Count * 0.93, one.Count * 1.07);
    }

    [Fact]
    public void TwoYearsAtTheDefaultScaleBringAboutTwoHundredAndFiftyMattersADay()
    {
        var generator = Generator();
        var perDay = All.Count / (double)TwoYearPlan.Days;
        var expected = TwoYearPlan.Days().Sum(day => generator.ExpectedVolume(day, 3.5)) / TwoYearPlan.Days;

        Assert.InRange(perDay, 215, 265);
        // Poisson draws around the expected volumes: two years of them land within a percent.
        Assert.InRange(perDay / expected, 0.99, 1.01);
        Assert.Equal(730, TwoYearPlan.Days);
        Assert.Equal(new DateOnly(2026, 11, 27), TwoYearPlan.LastDay);
    }

    [Fact]
    public void TheScaleKnobScalesTheVolume()
    {
        var plan = HistoryGenerator.PlanEndingOn(GuoduClock.MorningInGuodu, 30, 5, 1.0);

        var small = Generator().Generate(plan).Tickets.Count;
        var large = Generator().Generate(plan with { DailyTicketsPerStation = 4.0 }).Tickets.Count;

        Assert.InRange(large / (double)small, 3.6, 4.4);
    }

    [Fact]
    public void TheCategoryMixFollowsTheConfiguredWeights()
    {
        var generator = Generator();
        var shares = All.GroupBy(r => r.CategoryCode!).ToDictionary(g => g.Key, g => g.Count() / (double)All.Count);
        var categories = TestSilos.Policy.Catalogue.Categories.Select(c => c.Code).ToList();

        var distance = categories.Sum(c => Math.Abs(shares.GetValueOrDefault(c) - generator.ConfiguredShare(c))) / 2;
        Assert.True(distance < 0.03, $"The mix is {distance:P1} away from the configured weights.");
        Assert.All(categories.Where(c => generator.ConfiguredShare(c) >= 0.01), c =>
            Assert.InRange(shares.GetValueOrDefault(c) / generator.ConfiguredShare(c), 0.85, 1.15));
        // Desks classify every matter: none stays in the fallback category.
        Assert.DoesNotContain(TestSilos.Policy.Catalogue.FallbackCategoryCode, shares.Keys);
    }

    [Fact]
    public void CommunityDesksReceiveFewMattersAtWeekendsWhileCompoundsStayBusy()
    {
        var holidays = TestSilos.Policy.Holidays;
        var workdays = TwoYearPlan.Days().Where(holidays.IsWorkingDay).ToList();
        var weekends = TwoYearPlan.Days().Where(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && !holidays.IsWorkingDay(d) && !holidays.IsHoliday(d)).ToList();

        double WeekendShare(Func<TicketRow, bool> keep)
        {
            var perDay = History.PerDay(keep);
            return weekends.Average(d => perDay.GetValueOrDefault(d)) / workdays.Average(d => perDay.GetValueOrDefault(d));
        }

        Assert.InRange(WeekendShare(r => IsCommunity(r.StationId)), 0.2, 0.5);
        Assert.InRange(WeekendShare(r => !IsCommunity(r.StationId)), 0.7, 1.0);
        // Papers wait for the office to open; a blocked drain does not.
        var generator = Generator();
        DateOnly saturday = new(2026, 6, 13), wednesday = new(2026, 6, 10);
        Assert.True(generator.ExpectedVolume("bolangfeng", "certificates", saturday, 3.5) < 0.35 * generator.ExpectedVolume("bolangfeng", "certificates", wednesday, 3.5));
        Assert.True(generator.ExpectedVolume("bolangfeng", "plumbing-drains", saturday, 3.5) > generator.ExpectedVolume("bolangfeng", "plumbing-drains", wednesday, 3.5));
    }

    [Fact]
    public void AMakeUpWorkingDayIsAsBusyAsAWorkdayAtTheDesks()
    {
        var holidays = TestSilos.Policy.Holidays;
        // Make-up days away from Spring Festival and the Golden Week, whose own dips would blur the comparison.
        var makeUpDays = TwoYearPlan.Days().Where(holidays.IsMakeUpWorkday)
            .Where(d => Math.Abs(d.DayNumber - ChineseHolidays.SpringFestival(d.Year).DayNumber) > 20 && d is not { Month: 10, Day: <= 8 })
            .ToList();
        Assert.NotEmpty(makeUpDays);
        var generator = Generator();
        double Expected(DateOnly day) => generator.ExpectedVolume(day, 3.5, s => s.Level == StationLevel.Community);

        foreach (var day in makeUpDays)
        {
            // The same weekday a week before or after, whichever is an ordinary day off, and the Wednesday of that week.
            var plainWeekend = new[] { day.AddDays(-7), day.AddDays(7) }.First(d => !holidays.IsWorkingDay(d) && !holidays.IsHoliday(d));
            var wednesday = day.AddDays(DayOfWeek.Wednesday - day.DayOfWeek).AddDays(day.DayOfWeek == DayOfWeek.Sunday ? 7 : 0);
            var midweek = holidays.IsWorkingDay(wednesday) ? wednesday : wednesday.AddDays(7);
            Assert.True(Expected(day) > 2.5 * Expected(plainWeekend), $"Make-up day {day:yyyy-MM-dd} is not busier than the day off {plainWeekend:yyyy-MM-dd}.");
            Assert.InRange(Expected(day) / Expected(midweek), 0.8, 1.25);
        }

        var perDay = History.PerDay(r => IsCommunity(r.StationId));
        var plainWeekends = TwoYearPlan.Days().Where(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && !holidays.IsWorkingDay(d) && !holidays.IsHoliday(d));
        Assert.True(makeUpDays.Average(d => perDay.GetValueOrDefault(d)) > 2 * plainWeekends.Average(d => perDay.GetValueOrDefault(d)));
    }

    [Fact]
    public void TheSpringFestivalWeekBringsLessThanSixtyPercentOfTheWeeksAroundIt()
    {
        var perDay = History.PerDay();
        var years = TwoYearPlan.Days().Select(d => d.Year).Distinct()
            .Where(y => ChineseHolidays.LunarNewYearsEve(y).AddDays(-28) >= TwoYearPlan.FirstDay && ChineseHolidays.LunarNewYearsEve(y).AddDays(29) <= TwoYearPlan.LastDay)
            .ToList();
        Assert.Equal([2025, 2026], years);

        foreach (var year in years)
        {
            var eve = ChineseHolidays.LunarNewYearsEve(year);
            var around = (perDay.Week(eve.AddDays(-28)) + perDay.Week(eve.AddDays(22))) / 2.0;
            var festival = perDay.Week(eve);
            Assert.True(festival < 0.6 * around, $"Spring Festival {year}: {festival} matters against {around} in the weeks around it.");
        }
    }

    [Fact]
    public void TheNationalDayGoldenWeekDips()
    {
        var perDay = History.PerDay();
        foreach (var year in new[] { 2025, 2026 })
        {
            var golden = new DateOnly(year, 10, 1);
            var around = (perDay.Week(golden.AddDays(-14)) + perDay.Week(golden.AddDays(14))) / 2.0;
            Assert.True(perDay.Week(golden) < 0.8 * around, $"National Day {year}: {perDay.Week(golden)} matters against {around} around it.");
        }
    }

    [Fact]
    public void HeatingComesInWinterAndNoiseAndSeepageInSummer()
    {
        int Count(string category, params int[] months) =>
            All.Count(r => r.CategoryCode == category && months.Contains(TimeZoneInfo.ConvertTime(r.RegisteredAt, TicketIds.ChinaStandardTime).Month));

        Assert.True(Count("heating", 12, 1) > 8 * Count("heating", 6, 7));
        Assert.True(Count("noise", 7) > 1.5 * Count("noise", 1));
        Assert.True(Count("water-seepage", 8) > 2 * Count("water-seepage", 1));
    }

    [Fact]
    public void RegistrationsFollowOfficeHoursOnWorkingDays()
    {
        var holidays = TestSilos.Policy.Holidays;
        var workdayHours = All.Select(r => TimeZoneInfo.ConvertTime(r.RegisteredAt, TicketIds.ChinaStandardTime))
            .Where(t => holidays.IsWorkingDay(DateOnly.FromDateTime(t.DateTime))).Select(t => t.Hour).ToList();

        var officeHours = workdayHours.Count(h => h is >= 8 and < 18) / (double)workdayHours.Count;
        var smallHours = workdayHours.Count(h => h is < 6) / (double)workdayHours.Count;
        Assert.InRange(officeHours, 0.7, 0.95);
        Assert.InRange(smallHours, 0.001, 0.03);
    }

    [Fact]
    public void MostMattersMeetTheirTargetsAndALateTailIsEscalatedUpTheHierarchy()
    {
        var catalogue = TestSilos.Policy.Catalogue;
        var resolved = All.Where(r => r.ResolvedAt is not null).ToList();
        var responded = All.Where(r => r.FirstRespondedAt is not null).ToList();
        var escalated = All.Where(r => r.EscalationCount > 0).ToList();
        var atTheOffice = All.Count(r => r.OwnerId == ShippedRoster.SubDistrict.Id);

        Assert.InRange(resolved.Count(r => r.ResolutionLate) / (double)resolved.Count, 0.01, 0.10);
        Assert.InRange(responded.Count(r => r.FirstResponseLate) / (double)responded.Count, 0.005, 0.10);
        Assert.InRange(escalated.Count / (double)All.Count, 0.02, 0.12);
        Assert.InRange(atTheOffice / (double)All.Count, 0.003, 0.04);
        Assert.True(atTheOffice < escalated.Count / 2, "Most escalations should end at the level-1 station.");

        var parents = ShippedRoster.Stations.ToDictionary(s => s.Id, s => s.ParentId);
        Assert.All(escalated, r =>
        {
            // Up the chain from where the desk routed it — a community desk's compound escalates back to that desk — never sideways.
            var chain = IsCommunity(r.StationId) ? new List<string> { r.StationId } : [];
            for (var at = r.StationId; parents.TryGetValue(at, out var parent); at = parent)
                chain.Add(parent);
            Assert.Contains(r.OwnerId, chain);
            Assert.True(r.FirstResponseLate || r.ResolutionLate, $"{r.TicketId} was escalated without a missed deadline.");
            var rank = catalogue.FindPriorityClass(r.PriorityClass)!.Rank;
            var start = catalogue.PriorityClassOf(catalogue.Resolve(r.CategoryCode)).Rank;
            Assert.Equal(Math.Max(1, start - r.EscalationCount), rank);
        });
    }

    [Fact]
    public void ResidentsMostlyRateFourOrFiveAndLessWhenTheyHadToWait()
    {
        var rated = All.Where(r => r.Rating is not null).ToList();
        bool Late(TicketRow r) => r.FirstResponseLate || r.ResolutionLate || r.EscalationCount > 0;

        Assert.InRange(rated.Count(r => r.Rating >= 4) / (double)rated.Count, 0.88, 0.98);
        Assert.True(rated.Where(Late).Average(r => r.Rating!.Value) < rated.Where(r => !Late(r)).Average(r => r.Rating!.Value) - 0.4);
        Assert.All(All, r => Assert.Equal(r.Status == TicketStatus.Closed, r.Rating is >= 1 and <= 5));
        Assert.InRange(rated.Count / (double)All.Count, 0.75, 0.9);
    }

    [Fact]
    public void AFewMattersAreCancelledAndAFewReopened()
    {
        var cancelled = All.Where(r => r.Status == TicketStatus.Cancelled).ToList();
        var reopened = History.Tickets.Count(t => t.EarlierResolution is not null);

        Assert.InRange(cancelled.Count / (double)All.Count, 0.01, 0.05);
        Assert.InRange(reopened / (double)All.Count, 0.005, 0.04);
        Assert.All(cancelled, r => Assert.True(r.ResolvedAt is null && r.Rating is null && r.FirstResponseDue is null && r.ResolutionDue is null));
    }

    [Fact]
    public void OldMattersAreFinishedAndOnlyRecentOnesLiveOnAsOpenTickets()
    {
        var live = History.Tickets.Where(t => t.IsLive).ToList();

        Assert.InRange(live.Count, 200, 1000);
        Assert.All(History.Tickets.Where(t => !t.IsLive), t =>
        {
            Assert.False(t.Row.IsOpen);
            Assert.True(SimulatedTickets.IsSimulatedId(t.Row.TicketId), t.Row.TicketId);
        });
        Assert.All(live, t =>
        {
            var ticket = t.Live!;
            Assert.True(TicketIds.IsWellFormed(ticket.Id), ticket.Id);
            Assert.True(ticket.IsOpen && ticket.Status != TicketStatus.WaitingOnResident);
            Assert.True(ticket.RegisteredAt >= Until - HistoryGenerator.OpenWindow);
            Assert.Null(ticket.TeamId);
            Assert.Equal(TicketRow.From(ticket), t.Row);
            // The timeline is the ticket's story: it starts with the registration, runs forward, and ends where the ticket is.
            Assert.Equal("register", ticket.Timeline[0].Action);
            Assert.Equal(ticket.RegisteredAt, ticket.Timeline[0].At);
            Assert.True(ticket.Timeline.Zip(ticket.Timeline.Skip(1)).All(p => p.First.At <= p.Second.At && p.First.ToStatus == p.Second.FromStatus));
            Assert.Equal(ticket.Status, ticket.Timeline[^1].ToStatus);
            Assert.Equal(ticket.OwnerStationId, ticket.Timeline[^1].OwnerId);
            Assert.Equal(ticket.EscalationCount, ticket.Timeline.Count(e => e.Action.StartsWith("escalate:", StringComparison.Ordinal)));
            Assert.True(ticket.Timeline[^1].At < Until);
            Assert.NotNull(ticket.ResolutionDue);
        });
        // Deadlines keep coming due after the history ends: whoever looks the next day finds overdue matters to escalate.
        Assert.True(live.Count(t => t.Row.IsOverdue(Until + TimeSpan.FromDays(1))) >= 10);
        Assert.Contains(live, t => t.Row.Status == TicketStatus.InProgress);
        Assert.Contains(live, t => t.Row.Status is TicketStatus.Registered or TicketStatus.Classified or TicketStatus.Assigned);
    }

    [Fact]
    public void EveryRowIsAConsistentLifecycleLabelledAsSimulated()
    {
        Assert.All(All, r =>
        {
            Assert.StartsWith(SimulationProfile.Label, r.Description);
            Assert.True(r.FirstRespondedAt is null || r.FirstRespondedAt >= r.RegisteredAt);
            Assert.True(r.ResolvedAt is null || (r.FirstRespondedAt is { } responded && r.ResolvedAt >= responded));
            Assert.True(r.ClosedAt is null || r.ClosedAt > r.ResolvedAt);
            Assert.True(r.UpdatedAt >= r.RegisteredAt && r.UpdatedAt < Until && (r.ClosedAt ?? r.ResolvedAt ?? r.RegisteredAt) <= r.UpdatedAt);
            Assert.True(r.IsOpen || (r.FirstResponseDue is null && r.ResolutionDue is null));
            Assert.Equal(r.TicketId[^13..^5], TicketIds.DayKey(r.RegisteredAt));
        });
        Assert.Equal(All.Count, All.Select(r => r.TicketId[^13..]).Distinct().Count());
        // Numbered per day in order of registration, like live ids.
        Assert.All(All.GroupBy(r => r.TicketId[^13..^5]), day =>
            Assert.Equal(Enumerable.Range(1, day.Count()), day.OrderBy(r => r.RegisteredAt).Select(r => ApiClient.TicketNumber(r.TicketId))));
    }

    [Fact]
    public void TheDailyCountsAreTheTicketsGenerated()
    {
        var received = All.GroupBy(r => (r.StationId, Day(r.RegisteredAt), r.CategoryCode!)).ToDictionary(g => g.Key, g => g.Count());
        var resolved = All.Where(r => r.ResolvedAt is not null).Select(r => (r.OwnerId, Day(r.ResolvedAt!.Value), r.CategoryCode!))
            .Concat(History.Tickets.Where(t => t.EarlierResolution is not null).Select(t => (t.EarlierResolution!.OwnerId, Day(t.EarlierResolution.At), t.Row.CategoryCode!)))
            .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());

        var counted = History.DailyCounts.SelectMany(s => s.Value.Select(c => (Key: (s.Key, c.Day, c.CategoryCode), c.Received, c.Resolved))).ToList();
        Assert.Equal(All.Count, counted.Sum(c => c.Received));
        Assert.All(counted, c =>
        {
            Assert.Equal(received.GetValueOrDefault(c.Key), c.Received);
            Assert.Equal(resolved.GetValueOrDefault(c.Key), c.Resolved);
        });
        Assert.Equal(resolved.Values.Sum(), counted.Sum(c => c.Resolved));
        Assert.All(History.DailyCounts.Values, counts => Assert.True(counts.Zip(counts.Skip(1)).All(p => p.First.Day <= p.Second.Day)));
    }

    [Fact]
    public void ACategoryTheProfileDoesNotKnowIsStillSimulated()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "silo", "catalogue.json")))!;
        document["categories"]!.AsArray().Add(new JsonObject
        {
            ["code"] = "bicycle-shed", ["nameZh"] = "自行车棚管理", ["nameEn"] = "Bicycle sheds", ["group"] = "property-environment",
            ["priorityClass"] = "general", ["clock"] = "calendar", ["medianHandlingHours"] = 1, ["skills"] = new JsonArray(),
        });
        var policy = new SlaPolicy(CatalogueFile.Parse(document.ToJsonString(), "extended"), TestSilos.Policy.Holidays);

        var history = new HistoryGenerator(ShippedRoster, policy).Generate(HistoryGenerator.PlanEndingOn(GuoduClock.MorningInGuodu, 60, 3, 3.5));

        var bicycles = history.Rows().Where(r => r.CategoryCode == "bicycle-shed").ToList();
        Assert.NotEmpty(bicycles);
        Assert.All(bicycles, r => Assert.Equal(SimulationProfile.Label + "自行车棚管理", r.Description));
    }
}
