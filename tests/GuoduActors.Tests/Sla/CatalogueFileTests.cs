using GuoduActors.Grains.Sla;
using GuoduActors.Silo.Roster;
using GuoduActors.Sla;

namespace GuoduActors.Tests.Sla;

public sealed class CatalogueFileTests
{
    private const string Valid = """
        {
          "fallbackCategory": "uncategorised",
          "businessHours": [ { "from": "08:30", "to": "12:00" }, { "from": "13:30", "to": "18:00" } ],
          "priorityClasses": [
            { "code": "emergency", "nameZh": "紧急", "nameEn": "Emergency", "rank": 1, "firstResponse": "02:00:00", "resolution": "1.00:00:00" },
            { "code": "general", "nameZh": "一般", "nameEn": "General", "rank": 3, "firstResponse": "1.00:00:00", "resolution": "7.00:00:00" }
          ],
          "groups": [
            { "code": "home-repair", "nameZh": "居家维修", "nameEn": "Home repairs" },
            { "code": "other", "nameZh": "其他", "nameEn": "Other" }
          ],
          "categories": [
            { "code": "gas-leak", "nameZh": "燃气泄漏", "nameEn": "Gas leak", "group": "home-repair", "priorityClass": "emergency", "medianHandlingHours": 1, "skills": ["gas-appliance"] },
            { "code": "uncategorised", "nameZh": "未分类", "nameEn": "Uncategorised", "group": "other", "priorityClass": "general", "clock": "calendar", "medianHandlingHours": 1 }
          ]
        }
        """;

    private static readonly string[] RequiredGroups =
    [
        "home-repair", "property-environment", "digital-help", "elderly-disability-care", "dispute-mediation",
        "policy-consultation", "personal-affairs", "safety-patrol", "neighbourhood-centre",
    ];

    [Fact]
    public void AValidCatalogueLoadsWithDefaultsFilledIn()
    {
        var catalogue = CatalogueFile.Parse(Valid, "test.json");

        var gasLeak = catalogue.Find("gas-leak");
        Assert.NotNull(gasLeak);
        Assert.Equal(ClockKind.Calendar, gasLeak.Clock);
        Assert.Equal(["gas-appliance"], gasLeak.Skills);
        Assert.Empty(catalogue.Find("uncategorised")!.Skills);
        Assert.Equal(TimeSpan.FromHours(2), catalogue.PriorityClassOf(gasLeak).FirstResponse);
        Assert.Equal(CatalogueFile.DefaultBusinessHours, catalogue.BusinessHours);
        Assert.Null(catalogue.Find("no-such-code"));
    }

    [Theory]
    [InlineData("\"code\": \"gas-leak\"", "\"code\": \"uncategorised\"", "category 'uncategorised' is a duplicate code")]
    [InlineData("\"code\": \"home-repair\", \"nameZh\": \"居家维修\"", "\"code\": \"other\", \"nameZh\": \"居家维修\"", "group 'other' is a duplicate code")]
    [InlineData("\"code\": \"general\", \"nameZh\"", "\"code\": \"emergency\", \"nameZh\"", "priority class 'emergency' is a duplicate code")]
    [InlineData("\"priorityClass\": \"emergency\"", "\"priorityClass\": \"urgent\"", "category 'gas-leak' names an unknown priority class 'urgent'")]
    [InlineData("\"group\": \"home-repair\"", "\"group\": \"repairs\"", "category 'gas-leak' names an unknown group 'repairs'")]
    [InlineData("\"clock\": \"calendar\"", "\"clock\": \"office\"", "category 'uncategorised' has clock 'office'")]
    [InlineData("\"firstResponse\": \"02:00:00\"", "\"firstResponse\": \"00:00:00\"", "priority class 'emergency' has a non-positive firstResponse")]
    [InlineData("\"firstResponse\": \"02:00:00\"", "\"firstResponse\": \"-02:00:00\"", "priority class 'emergency' has a non-positive firstResponse")]
    [InlineData("\"resolution\": \"7.00:00:00\"", "\"resolution\": \"7 days\"", "priority class 'general' has resolution '7 days'")]
    [InlineData("\"resolution\": \"1.00:00:00\"", "\"resolution\": \"01:00:00\"", "priority class 'emergency' has a resolution target (01:00:00) shorter than its first-response target")]
    [InlineData("\"resolution\": \"1.00:00:00\"", "\"resolution\": \"8.00:00:00\"", "priority class 'emergency' (rank 1) has a longer target than the less urgent 'general'")]
    [InlineData("\"rank\": 3", "\"rank\": 1", "priority classes 'emergency' and 'general' share rank 1")]
    [InlineData("\"code\": \"gas-leak\"", "\"code\": \"Gas_Leak\"", "a category has the code 'Gas_Leak'")]
    [InlineData("\"code\": \"gas-leak\"", "\"code\": \"gas--leak\"", "a category has the code 'gas--leak'")]
    [InlineData("\"medianHandlingHours\": 1, \"skills\"", "\"medianHandlingHours\": 0, \"skills\"", "category 'gas-leak' needs a medianHandlingHours above 0")]
    [InlineData("\"fallbackCategory\": \"uncategorised\"", "\"fallbackCategory\": \"misc\"", "the fallbackCategory 'misc' is not one of its categories")]
    [InlineData("{ \"from\": \"13:30\", \"to\": \"18:00\" }", "{ \"from\": \"19:00\", \"to\": \"18:00\" }", "business hours '19:00–18:00' end before they start")]
    [InlineData("\"rank\": 1,", "\"rank\": \"one\",", "not valid JSON at $.priorityClasses[0].rank")]
    public void AnInvalidCatalogueIsRefusedWithAMessageNamingTheEntry(string find, string replace, string expected)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        var json = ReplaceFirst(Valid, find, replace);

        var error = Assert.Throws<CatalogueException>(() => CatalogueFile.Parse(json, "test.json"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("'test.json'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingCatalogueFileIsRefusedNamingThePath()
    {
        var error = Assert.Throws<CatalogueException>(() => CatalogueFile.Load("/nonexistent/catalogue.json"));

        Assert.Contains("/nonexistent/catalogue.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedCatalogueCoversEveryRequiredGroupWithCategories()
    {
        var catalogue = SlaTestData.ShippedCatalogue;

        foreach (var group in RequiredGroups)
            Assert.Contains(catalogue.Categories, c => c.Group == group);
        // The article's own examples: a parcel locker, a gas stove, opera on a phone, a blocked drain.
        Assert.All(["parcel-locker", "gas-appliance", "smartphone-help", "plumbing-drains", "counselling", "home-based-elderly-care"],
            code => Assert.NotNull(catalogue.Find(code)));
    }

    [Fact]
    public void TheShippedPriorityClassesFollowBeijingHotlineLimits()
    {
        var catalogue = SlaTestData.ShippedCatalogue;

        Assert.Equal(TimeSpan.FromHours(2), catalogue.FindPriorityClass("emergency")!.FirstResponse);
        Assert.Equal(TimeSpan.FromHours(24), catalogue.FindPriorityClass("utilities")!.FirstResponse);
        Assert.Equal(TimeSpan.FromDays(7), catalogue.FindPriorityClass("general")!.Resolution);
        Assert.Equal(TimeSpan.FromDays(15), catalogue.FindPriorityClass("complex")!.Resolution);
        Assert.Equal(["emergency", "utilities", "general", "complex"], catalogue.PriorityClasses.Select(p => p.Code));
    }

    [Fact]
    public void EscalationRaisesAPriorityClassOneRankAtATime()
    {
        var catalogue = SlaTestData.ShippedCatalogue;

        Assert.Equal("general", catalogue.NextHigher(catalogue.FindPriorityClass("complex")!)?.Code);
        Assert.Equal("utilities", catalogue.NextHigher(catalogue.FindPriorityClass("general")!)?.Code);
        Assert.Equal("emergency", catalogue.NextHigher(catalogue.FindPriorityClass("utilities")!)?.Code);
        Assert.Null(catalogue.NextHigher(catalogue.FindPriorityClass("emergency")!));
    }

    [Fact]
    public void ATicketWithoutAKnownCategoryFallsBackToTheGeneralClass()
    {
        var catalogue = SlaTestData.ShippedCatalogue;

        Assert.Equal("uncategorised", catalogue.Resolve(null).Code);
        Assert.Equal("uncategorised", catalogue.Resolve("removed-last-year").Code);
        Assert.Equal("general", catalogue.PriorityClassOf(catalogue.Fallback).Code);
        Assert.Equal("gas-appliance", catalogue.Resolve("gas-appliance").Code);
    }

    [Fact]
    public void EveryShippedCategoryCodeIsAcceptedAsATicketCategory()
    {
        foreach (var category in SlaTestData.ShippedCatalogue.Categories)
        {
            var errors = TicketRules.Validate(new NewTicket("燃气灶打不着火", category.Code, null, "13800000000", null));
            Assert.False(errors.ContainsKey("categoryCode"), category.Code);
        }
    }

    [Fact]
    public void EverySkillTheShippedCatalogueNamesIsOneARosterTeamHas()
    {
        var roster = RosterFile.Load(Path.Combine(AppContext.BaseDirectory, "roster.json"));
        var teamSkills = roster.Teams.SelectMany(t => t.Skills).ToHashSet();

        var unknown = SlaTestData.ShippedCatalogue.Categories.SelectMany(c => c.Skills).Where(s => !teamSkills.Contains(s)).Distinct();

        Assert.Empty(unknown);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length));
    }
}
