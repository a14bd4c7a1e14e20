using System.Collections;
using System.Globalization;
using System.Resources;
using GuoduActors.Dashboard.Localization;

namespace GuoduActors.Tests.Dashboard;

public sealed class TicketsResourceTests
{
    [Theory]
    [InlineData(typeof(TicketsResource))]
    [InlineData(typeof(AccountResource))]
    public void EveryChineseTextOfTheTicketAndAccountPagesHasAnEnglishTranslation(Type resource)
    {
        var resources = new ResourceManager(resource.FullName!, resource.Assembly);

        var chinese = Keys(resources, CultureInfo.InvariantCulture);
        var english = Keys(resources, CultureInfo.GetCultureInfo("en"));

        Assert.NotEmpty(chinese);
        Assert.Empty(chinese.Except(english));
        Assert.Empty(english.Except(chinese));
    }

    [Fact]
    public void EveryStatusAndEveryCommandTheDashboardOffersHasAName()
    {
        var resources = new ResourceManager(typeof(TicketsResource).FullName!, typeof(TicketsResource).Assembly);
        var keys = Keys(resources, CultureInfo.InvariantCulture);

        Assert.All(Enum.GetNames<TicketStatus>(), s => Assert.Contains("Status." + s, keys));
        Assert.All(GuoduActors.Dashboard.Components.Tickets.TicketActionRules.StaffCommands, c => Assert.Contains("Command." + c, keys));
    }

    private static HashSet<string> Keys(ResourceManager resources, CultureInfo culture) =>
        (resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false) ?? throw new InvalidOperationException($"No resources for '{culture.Name}'."))
            .Cast<DictionaryEntry>().Select(entry => (string)entry.Key).ToHashSet();
}
