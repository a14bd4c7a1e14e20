using System.Xml.Linq;
using Azure.Data.Tables;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace GuoduActors.Silo.Auth;

/// <summary>
/// The data-protection key ring (which signs the sign-in cookie and the forms' antiforgery tokens) in an Azure table of
/// the service, so that every silo of the cluster and every restart, on any machine, reads the same keys: a cookie
/// issued by one silo is honoured by the others, and a form served by one may be posted to another. ASP.NET Core's
/// default keeps the ring in the process owner's home folder, which differs per machine (and per container). Written
/// by hand: the library for Azure Blobs is not served here, and the product already speaks Azure Tables. The keys are
/// stored as the default stores them on Linux (not encrypted at rest); the storage account's access control guards them.
/// </summary>
public sealed class AzureTableXmlRepository(TableClient table) : IXmlRepository
{
    private const string Partition = "keys";
    private readonly Lazy<bool> _created = new(() =>
    {
        table.CreateIfNotExists();
        return true;
    });

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        _ = _created.Value;
        return table.Query<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"))
            .Select(e => XElement.Parse(e.GetString("Xml"))).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        _ = _created.Value;
        table.AddEntity(new TableEntity(Partition, friendlyName) { ["Xml"] = element.ToString(SaveOptions.DisableFormatting) });
    }
}
