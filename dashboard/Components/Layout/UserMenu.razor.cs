using GuoduActors.Dashboard.Localization;
using GuoduActors.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Layout;

/// <summary>The header's account corner: the signed-in user's name and role and a sign-out button, or a sign-in link.</summary>
public sealed partial class UserMenu : ComponentBase
{
    private Actor? _actor;
    private string? _name;
    private bool _ready;

    [Inject] private CurrentActor Current { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IStringLocalizer<AccountResource> L { get; set; } = null!;

    // Back to the page the visitor was on, unless that is the sign-in page itself.
    private string SignInPath
    {
        get
        {
            var here = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
            return here.StartsWith("/signin", StringComparison.OrdinalIgnoreCase) ? "signin" : $"signin?returnUrl={Uri.EscapeDataString(here)}";
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _actor = await Current.GetAsync();
        _name = await Current.DisplayNameAsync() ?? _actor?.UserId;
        _ready = true;
    }
}
