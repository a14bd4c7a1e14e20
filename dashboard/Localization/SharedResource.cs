namespace GuoduActors.Dashboard.Localization;

/// <summary>
/// Marker for the dashboard's texts: <c>SharedResource.resx</c> (Chinese, the neutral language) and
/// <c>SharedResource.en.resx</c> (English), read through <c>IStringLocalizer&lt;SharedResource&gt;</c>.
/// </summary>
public sealed class SharedResource;
