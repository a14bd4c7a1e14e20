using GuoduActors.Dashboard.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GuoduActors.Dashboard.Components.Account;

/// <summary>
/// <c>/signin</c>: a static form (no circuit needed, so it works before one could connect) that posts the user name,
/// password, antiforgery token and return address to <c>POST /account/signin</c>. That endpoint sends the browser back
/// here with <c>?failed=1</c> (wrong credentials) or <c>?expired=1</c> (a stale form), which is said in place.
/// </summary>
public sealed partial class SignInPage : ComponentBase
{
    [Inject] private IStringLocalizer<AccountResource> L { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> Shared { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "returnUrl")] public string? ReturnUrl { get; set; }
    [SupplyParameterFromQuery(Name = "failed")] public string? Failed { get; set; }
    [SupplyParameterFromQuery(Name = "expired")] public string? Expired { get; set; }

    /// <summary>Only a path on this site is carried on; anything else returns to the overview.</summary>
    private string SafeReturnUrl => CultureSwitch.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    private string? Failure =>
        Expired is { Length: > 0 } ? L["SignInExpired"].Value :
        Failed is { Length: > 0 } ? L["SignInFailed"].Value :
        null;
}
