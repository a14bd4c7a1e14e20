using GuoduActors.Grains.Sla;
using GuoduActors.Sla;

namespace GuoduActors.Tests.Sla;

/// <summary>The shipped data files, as copied next to the tests from the silo project.</summary>
internal static class SlaTestData
{
    public static readonly string CataloguePath = Path.Combine(AppContext.BaseDirectory, "catalogue.json");

    public static readonly Catalogue ShippedCatalogue = CatalogueFile.Load(CataloguePath);
}
