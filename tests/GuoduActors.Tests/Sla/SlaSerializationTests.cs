using GuoduActors.Sla;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using static GuoduActors.Tests.Sla.SlaTestData;

namespace GuoduActors.Tests.Sla;

public sealed class SlaSerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(Catalogue).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void ACatalogueSentBetweenSilosStillFindsItsCategories()
    {
        var copy = Serializer.Deserialize<Catalogue>(Serializer.SerializeToArray(ShippedCatalogue));

        Assert.NotNull(copy);

        Assert.Equal(ShippedCatalogue.Categories.Count, copy.Categories.Count);
        var original = ShippedCatalogue.Find("gas-appliance")!;
        var received = copy.Find("gas-appliance")!;
        Assert.Equal(original with { Skills = [] }, received with { Skills = [] });
        Assert.Equal(original.Skills, received.Skills);
        Assert.Equal("general", copy.NextHigher(copy.FindPriorityClass("complex")!)!.Code);
        Assert.Equal(ShippedCatalogue.BusinessHours, copy.BusinessHours);
    }

    [Fact]
    public void DeadlinesSurviveSerialization()
    {
        var deadlines = new SlaDeadlines("noise", "general", ClockKind.Calendar, Cst(2026, 3, 6, 17), Cst(2026, 3, 7, 17), Cst(2026, 3, 13, 17));

        Assert.Equal(deadlines, Serializer.Deserialize<SlaDeadlines>(Serializer.SerializeToArray(deadlines)));
    }
}
