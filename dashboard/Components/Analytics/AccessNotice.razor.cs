using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Analytics;

/// <summary>Tells a reader why a page shows nothing: sign in first, or the page is for other roles (and which).</summary>
public sealed partial class AccessNotice : ComponentBase
{
    [Inject] private IStringLocalizer<AnalyticsResource> T { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    /// <summary>Whether someone is signed in (whose role does not include the page).</summary>
    [Parameter] public bool SignedIn { get; set; }

    /// <summary>Who the page is for, in the reader's language.</summary>
    [Parameter, EditorRequired] public string Explanation { get; set; } = "";

    // The cookie's sign-in path; it brings the reader back here afterwards.
    private string SignInPath => "signin?returnUrl=" + Uri.EscapeDataString(new Uri(Navigation.Uri).PathAndQuery);
}
