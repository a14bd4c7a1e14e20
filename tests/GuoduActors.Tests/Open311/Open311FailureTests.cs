using System.Net;
using System.Text.Json;
using GuoduActors.Grains;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GuoduActors.Tests.Open311;

/// <summary>A silo whose ticket projection cannot be queried (storage down), for the failure path of every read.</summary>
public sealed class UnqueryableProjectionFixture : Open311Fixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ITicketProjectionStore>(new UnqueryableProjectionStore()));
    }

    private sealed class UnqueryableProjectionStore() : ForwardingProjectionStore(new InMemoryTicketProjectionStore())
    {
        public override IAsyncEnumerable<TicketRow> QueryAsync(TicketFilter filter, CancellationToken cancellationToken = default) =>
            throw new IOException("The ticket table is unreachable.");
    }
}

public sealed class Open311FailureTests(UnqueryableProjectionFixture site) : IClassFixture<UnqueryableProjectionFixture>
{
    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task AStorageFailureIsTheSpecsGeneralServiceErrorNotA500(string format)
    {
        using var response = await site.CreateClient().GetAsync($"/open311/v2/requests.{format}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("General service error", text);
        Assert.DoesNotContain("unreachable", text);
        if (format == "json")
            Assert.Equal(400, JsonDocument.Parse(text).RootElement[0].GetProperty("code").GetInt32());
    }
}
