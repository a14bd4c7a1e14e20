namespace GuoduActors.Dashboard.Localization;

/// <summary>
/// Marker for the texts of the analytics pages (volunteer teams, satisfaction, weekly reports):
/// <c>AnalyticsResource.resx</c> (Chinese, the neutral language) and <c>AnalyticsResource.en.resx</c> (English).
/// </summary>
public sealed class AnalyticsResource;
