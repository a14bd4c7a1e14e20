using GuoduActors.Dashboard.Localization;
using GuoduActors.Sla;

namespace GuoduActors.Dashboard.Components.Overview;

/// <summary>Category names in the reader's language, from the catalogue; a code the catalogue does not know is shown as it is.</summary>
public static class CategoryNames
{
    public static string Name(Catalogue catalogue, string? code) =>
        catalogue.Find(code ?? catalogue.FallbackCategoryCode) is { } category ? DashboardCultures.Pick(category.NameZh, category.NameEn) : code ?? "";

    /// <summary>The name without its parenthesised examples, for chart labels and narrow columns.</summary>
    public static string ShortName(Catalogue catalogue, string? code)
    {
        var name = Name(catalogue, code);
        var cut = name.IndexOfAny(['（', '(']);
        return cut > 0 ? name[..cut].TrimEnd() : name;
    }
}
