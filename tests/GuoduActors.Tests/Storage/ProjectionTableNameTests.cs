using System.Text.RegularExpressions;
using GuoduActors.Silo.Projections;

namespace GuoduActors.Tests.Storage;

/// <summary>Each Orleans service gets a projection table of its own, with a name Azure Tables accepts.</summary>
public sealed partial class ProjectionTableNameTests
{
    [Theory]
    [InlineData("guodu-actors")]
    [InlineData("downtime-0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("一个服务")]
    [InlineData("a-very-long-service-identifier-that-goes-on-and-on-well-beyond-what-a-table-name-may-hold")]
    public void TheNameIsAValidAzureTableName(string serviceId) =>
        Assert.Matches(AzureTableName(), AzureTableTicketProjectionStore.TableNameFor(serviceId));

    [Fact]
    public void ServicesThatDifferOnlyInPunctuationGetDifferentTables() =>
        Assert.NotEqual(AzureTableTicketProjectionStore.TableNameFor("guodu-actors"), AzureTableTicketProjectionStore.TableNameFor("guoduactors"));

    [Fact]
    public void TheNameIsStableAndReadable()
    {
        var name = AzureTableTicketProjectionStore.TableNameFor("guodu-actors");
        Assert.Equal(name, AzureTableTicketProjectionStore.TableNameFor("guodu-actors"));
        Assert.StartsWith("GuoduTicketsguoduactors", name);
    }

    /// <summary>Azure's rule: a letter first, then letters and digits, 3–63 in all.</summary>
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex AzureTableName();
}
