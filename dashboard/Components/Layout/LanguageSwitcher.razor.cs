using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Layout;

/// <summary>Offers the other language and switches to it through the culture cookie endpoint.</summary>
public sealed partial class LanguageSwitcher : ComponentBase
{
    // Each language is offered in its own script, so a reader who cannot read the current one still finds theirs.
    private static readonly (string Culture, string Endonym) Chinese = (DashboardCultures.Chinese, "中文");
    private static readonly (string Culture, string Endonym) English = (DashboardCultures.English, "English");

    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = null!;

    private static (string Culture, string Endonym) Other => DashboardCultures.IsChinese ? English : Chinese;

    private void SwitchLanguage()
    {
        var returnTo = new Uri(Navigation.Uri).PathAndQuery;
        // A full load: a circuit keeps the culture it opened with, so the page must be requested again.
        Navigation.NavigateTo(CultureSwitch.LinkTo(Other.Culture, returnTo), forceLoad: true);
    }
}
