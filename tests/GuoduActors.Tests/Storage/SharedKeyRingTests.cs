using System.Text.RegularExpressions;

namespace GuoduActors.Tests.Storage;

/// <summary>
/// Two silo processes as on two machines (each its own home folder, where ASP.NET Core would keep its keys by default)
/// behind one address, as a load balancer spreads a browser's requests: the sign-in form served by one silo is accepted by
/// the other, and the cookie it issues is honoured by the first — the key ring is the cluster's, in Azure Tables.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class SharedKeyRingTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<(SiloProcess Silo, string Home)> _silos = [];
    private bool _passed;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var (silo, home) in _silos)
        {
            if (!_passed)
                output.WriteLine(silo.OutputTail(40));
            await silo.DisposeAsync();
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task AFormFromOneSiloSignsInOnAnotherAndItsCookieIsHonouredByTheFirst()
    {
        var id = $"keys-{Guid.NewGuid():N}";
        var a = Start("A", id);
        await a.WaitUntilHealthyWithAsync(activeSilos: 1, TimeSpan.FromSeconds(60));
        var b = Start("B", id);
        await b.WaitUntilHealthyWithAsync(activeSilos: 2, TimeSpan.FromSeconds(60));
        // One browser: cookies belong to the host, not the port, so both silos see the same ones.
        var cookies = new CookieContainer();
        using var toA = Browser(a, cookies);
        using var toB = Browser(b, cookies);

        var form = await toA.GetStringAsync("/signin?returnUrl=%2Ftickets");
        var token = WebUtility.HtmlDecode(TokenField().Match(form).Groups[1].Value);
        using var signIn = await toB.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "leader", ["password"] = "Guodu2026", ["returnUrl"] = "/tickets", ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/tickets", signIn.Headers.Location?.OriginalString);
        using var tickets = await toA.GetAsync("/tickets");
        Assert.Equal(HttpStatusCode.OK, tickets.StatusCode);
        _passed = true;
    }

    private SiloProcess Start(string name, string id)
    {
        var home = Directory.CreateTempSubdirectory($"guodu-home-{name}-").FullName;
        var silo = SiloProcess.Start(name, azurite.ConnectionString, serviceId: id, clusterId: id, SiloProcess.FastFailureDetection,
            environment: new Dictionary<string, string> { ["HOME"] = home });
        _silos.Add((silo, home));
        return silo;
    }

    private static HttpClient Browser(SiloProcess silo, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{silo.HttpPort}/") };

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
