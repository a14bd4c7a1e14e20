using System.Collections;
using System.Globalization;
using System.Resources;
using GuoduActors.Dashboard.Localization;

namespace GuoduActors.Tests.Dashboard;

public sealed class SharedResourceTests
{
    private static readonly ResourceManager Resources = new(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);

    [Fact]
    public void EveryChineseTextHasAnEnglishTranslation()
    {
        var chinese = Keys(CultureInfo.InvariantCulture);
        var english = Keys(CultureInfo.GetCultureInfo("en"));

        Assert.NotEmpty(chinese);
        Assert.Empty(chinese.Except(english));
        Assert.Empty(english.Except(chinese));
    }

    [Fact]
    public void TheNeutralTextsAreChinese() =>
        Assert.Equal("服务站概览", Resources.GetString("OverviewTitle", CultureInfo.GetCultureInfo("zh-CN")));

    private static HashSet<string> Keys(CultureInfo culture)
    {
        // Only this culture's own file, without falling back to the neutral one.
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for '{culture.Name}'.");
        return set.Cast<DictionaryEntry>().Select(entry => (string)entry.Key).ToHashSet();
    }
}
