using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GuoduActors.Dashboard.Localization;

/// <summary>The languages the dashboard speaks: Chinese by default, English on request.</summary>
public static class DashboardCultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public const string Default = Chinese;

    public static IReadOnlyList<string> Supported { get; } = [Chinese, English];

    /// <summary>The supported culture name matching <paramref name="name"/> (case-insensitive), if any.</summary>
    public static bool TryGetSupported(string? name, [NotNullWhen(true)] out string? supported)
    {
        supported = Supported.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
        return supported is not null;
    }

    /// <summary>Whether the current UI culture reads Chinese; every other supported culture reads English.</summary>
    public static bool IsChinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    /// <summary>Of a name kept in both languages, the one the reader reads.</summary>
    public static string Pick(string chinese, string english) => IsChinese ? chinese : english;
}
