namespace GuoduActors.Dashboard.Localization;

/// <summary>Texts of the sign-in page and the user menu: <c>AccountResource.resx</c> (Chinese, neutral) and <c>AccountResource.en.resx</c>.</summary>
public sealed class AccountResource;
