using System.Collections;
using System.Globalization;
using System.Resources;
using GuoduActors.Dashboard.Localization;

namespace GuoduActors.Tests.Dashboard;

public sealed class SharedResourceTests
{
    private static readonly ResourceManager Resources = Of(typeof(SharedResource));

    public static TheoryData<Type> ResourceFiles => [typeof(SharedResource), typeof(OverviewResource)];

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void EveryChineseTextHasAnEnglishTranslation(Type resource)
    {
        var chinese = Keys(Of(resource), CultureInfo.InvariantCulture);
        var english = Keys(Of(resource), CultureInfo.GetCultureInfo("en"));

        Assert.NotEmpty(chinese);
        Assert.Empty(chinese.Except(english));
        Assert.Empty(english.Except(chinese));
    }

    [Fact]
    public void TheNeutralTextsAreChinese() =>
        Assert.Equal("服务站概览", Resources.GetString("OverviewTitle", CultureInfo.GetCultureInfo("zh-CN")));

    [Fact]
    public void TheOverviewsNeutralTextsAreChinese() =>
        Assert.Equal("实时动态", Of(typeof(OverviewResource)).GetString("FeedHeading", CultureInfo.GetCultureInfo("zh-CN")));

    private static ResourceManager Of(Type resource) => new(resource.FullName!, resource.Assembly);

    private static HashSet<string> Keys(ResourceManager resources, CultureInfo culture)
    {
        // Only this culture's own file, without falling back to the neutral one.
        var set = resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for '{culture.Name}'.");
        return set.Cast<DictionaryEntry>().Select(entry => (string)entry.Key).ToHashSet();
    }
}
