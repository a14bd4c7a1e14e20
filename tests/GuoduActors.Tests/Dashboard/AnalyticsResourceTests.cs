using System.Collections;
using System.Globalization;
using System.Resources;
using GuoduActors.Dashboard.Localization;

namespace GuoduActors.Tests.Dashboard;

public sealed class AnalyticsResourceTests
{
    private static readonly ResourceManager Resources = new(typeof(AnalyticsResource).FullName!, typeof(AnalyticsResource).Assembly);

    [Fact]
    public void EveryChineseAnalyticsTextHasAnEnglishTranslation()
    {
        var chinese = Keys(CultureInfo.InvariantCulture);
        var english = Keys(CultureInfo.GetCultureInfo("en"));

        Assert.NotEmpty(chinese);
        Assert.Empty(chinese.Except(english));
        Assert.Empty(english.Except(chinese));
    }

    [Fact]
    public void EveryTextHasTheSamePlaceholdersInBothLanguages()
    {
        var chinese = Resources.GetResourceSet(CultureInfo.InvariantCulture, true, false)!;
        var english = Resources.GetResourceSet(CultureInfo.GetCultureInfo("en"), true, false)!;

        Assert.All(chinese.Cast<DictionaryEntry>(), entry =>
            Assert.Equal(Placeholders((string)entry.Value!), Placeholders(english.GetString((string)entry.Key)!)));
    }

    [Fact]
    public void TheNeutralAnalyticsTextsAreChinese() =>
        Assert.Equal("周汇总", Resources.GetString("ReportsTitle", CultureInfo.GetCultureInfo("zh-CN")));

    private static HashSet<string> Keys(CultureInfo culture) =>
        (Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false) ?? throw new InvalidOperationException($"No resources for '{culture.Name}'."))
            .Cast<DictionaryEntry>().Select(entry => (string)entry.Key).ToHashSet();

    private static List<string> Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order().ToList();
}
