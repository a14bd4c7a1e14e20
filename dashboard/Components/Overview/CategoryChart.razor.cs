using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services;
using GuoduActors.Sla;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Overview;

/// <summary>One bar pair of the category chart.</summary>
public sealed record CategoryBar(string Code, string Name, int Open, int Overdue);

/// <summary>Open (and overdue) tickets by category: the most frequent categories, the rest together as one bar.</summary>
public sealed partial class CategoryChart : ComponentBase
{
    public const int CategoriesShown = 10;
    public const string OtherCode = "other-categories";

    [Inject] private IStringLocalizer<OverviewResource> T { get; set; } = null!;
    [Inject] private Catalogue Catalogue { get; set; } = null!;

    /// <summary>Open tickets per category, most first.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<CategoryLoad> Categories { get; set; } = [];

    private IReadOnlyList<CategoryBar> Bars { get; set; } = [];

    // The bar chart draws its first category on top: the largest first.
    protected override void OnParametersSet()
    {
        var shown = Categories.Where(c => c.Open > 0).OrderByDescending(c => c.Open).ToList();
        var bars = shown.Take(CategoriesShown).Select(c => new CategoryBar(c.CategoryCode, CategoryNames.ShortName(Catalogue, c.CategoryCode), c.Open, c.Overdue)).ToList();
        var rest = shown.Skip(CategoriesShown).ToList();
        if (rest.Count > 0)
            bars.Add(new CategoryBar(OtherCode, T["OtherCategories", rest.Count], rest.Sum(c => c.Open), rest.Sum(c => c.Overdue)));
        Bars = bars;
    }
}
