using GuoduActors.Grains.Sla;
using GuoduActors.Sla;
using static GuoduActors.Tests.Sla.SlaTestData;

namespace GuoduActors.Tests.Sla;

public sealed class SlaPolicyTests
{
    private static readonly SlaPolicy Policy = new(ShippedCatalogue, Holidays);

    [Fact]
    public void AGasStoveThatWillNotIgniteGetsUtilitiesTargetsAroundTheClock()
    {
        var start = Cst(2026, 3, 6, 17);

        var deadlines = Policy.Compute("gas-appliance", start);

        Assert.Equal(new SlaDeadlines("gas-appliance", "utilities", ClockKind.Calendar, start, start.AddHours(24), start.AddHours(72)), deadlines);
    }

    [Fact]
    public void APolicyQuestionFiledOnFridayAfternoonCountsWorkingDays()
    {
        var deadlines = Policy.Compute("social-insurance-policy", Cst(2026, 3, 6, 17));

        Assert.Equal(ClockKind.Business, deadlines.Clock);
        Assert.Equal(Cst(2026, 3, 9, 17), deadlines.FirstResponseDue);
        Assert.Equal(Cst(2026, 3, 17, 17), deadlines.ResolutionDue);
    }

    [Fact]
    public void ATicketWithoutACategoryGetsTheGeneralTargetsOfTheFallback()
    {
        var start = Cst(2026, 3, 6, 17);

        var deadlines = Policy.Compute(null, start);

        Assert.Equal("uncategorised", deadlines.CategoryCode);
        Assert.Equal("general", deadlines.PriorityClass);
        Assert.Equal(start.AddDays(1), deadlines.FirstResponseDue);
        Assert.Equal(start.AddDays(7), deadlines.ResolutionDue);
    }

    [Fact]
    public void EscalationTightensTheTargetsUntilTheMostUrgentClass()
    {
        var mediation = ShippedCatalogue.Find("neighbour-dispute")!;
        var start = Cst(2026, 3, 9, 9);
        var complex = ShippedCatalogue.PriorityClassOf(mediation);

        var escalated = Policy.Escalated(complex);
        var before = Policy.Compute(mediation, complex, start);
        var after = Policy.Compute(mediation, escalated, start);

        Assert.Equal("general", escalated.Code);
        Assert.True(after.ResolutionDue < before.ResolutionDue);
        Assert.Equal("emergency", Policy.Escalated(ShippedCatalogue.FindPriorityClass("emergency")!).Code);
    }
}
