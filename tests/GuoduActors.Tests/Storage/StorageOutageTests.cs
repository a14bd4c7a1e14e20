using System.Diagnostics;
using GuoduActors.Silo.Api;
using GuoduActors.Silo.Hosting;

namespace GuoduActors.Tests.Storage;

/// <summary>Storage goes away under a running silo process, then comes back on the same ports with the same data.</summary>
public sealed class StorageOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EmbeddedAzurite? _azurite;
    private SiloProcess? _silo;
    private bool _passed;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            if (!_passed)
                output.WriteLine(_silo.OutputTail(60));
            await _silo.DisposeAsync();
        }
        if (_azurite is not null)
            await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task DuringAStorageOutageRequestsAreRefusedFastWith503AndTheSiloRecoversByItselfWhenStorageReturns()
    {
        _azurite = await AzuriteFixture.StartPrivateAsync(Directory.CreateTempSubdirectory("guodu-outage-").FullName);
        var options = _azurite.Options;
        _silo = SiloProcess.Start("outage", _azurite.ConnectionString, $"outage-{Guid.NewGuid():N}", "outage",
            new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Warning" });
        await _silo.WaitUntilHealthyWithAsync(activeSilos: 1, TimeSpan.FromSeconds(90));
        var before = await _silo.Http.RegisterCreatedAsync("bolangfeng", Tickets.Sample("停电前登记 — registered before the outage"));

        await _azurite.DisposeAsync();
        _azurite = null;
        var clock = Stopwatch.StartNew();
        using var refused = await _silo.Http.RegisterAsync("fenglin", Tickets.Sample("停电时登记 — registered during the outage"), key: Tickets.NewKey());
        clock.Stop();
        output.WriteLine($"Refused in {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(StorageUnavailableHandler.RetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
        var problem = await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("nothing was changed", problem.Detail);
        // Fast against Orleans' 30-second call timeout: the storage client gives up within seconds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"The refusal took {clock.Elapsed}.");

        // The same storage comes back on the same ports; nobody touches the silo.
        _azurite = await EmbeddedAzurite.StartAsync(options);
        TicketDto? after = null;
        var recovery = await WaitForAssertionAsync(async () =>
        {
            using var response = await _silo.Http.RegisterAsync("fenglin", Tickets.Sample("恢复后登记 — registered after the outage"), key: Tickets.NewKey());
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            after = await response.ReadAsync<TicketDto>();
        }, TimeSpan.FromSeconds(60), pollInterval: TimeSpan.FromSeconds(1));
        output.WriteLine($"Recovered {recovery.TotalSeconds:0.0} s after storage returned");

        var earlier = await _silo.Http.GetFromJsonAsync<TicketDto>(ApiClient.ResidentTicketUrl(before.Id), ApiClient.Json);
        Assert.Equal(before.Description, earlier!.Description);
        Assert.NotEqual(before.Id, after!.Id);
        _passed = true;
    }
}
