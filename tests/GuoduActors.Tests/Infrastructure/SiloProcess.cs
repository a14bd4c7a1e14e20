using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace GuoduActors.Tests.Infrastructure;

/// <summary>
/// The real silo executable (<c>dotnet silo/bin/…/GuoduActors.Silo.dll</c>) as a child process on free ports,
/// configured by command-line arguments, its output kept for diagnosis. Disposing kills it.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private const int OutputLinesKept = 400;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Stopwatch _age = Stopwatch.StartNew();

    private SiloProcess(string name, Process process, int httpPort)
    {
        Name = name;
        _process = process;
        HttpPort = httpPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(5) };
    }

    /// <summary>
    /// Failure detection tuned as a small deployment would be (ClusterMembershipOptions, bound from
    /// <c>Cluster:Membership</c>): a killed silo is declared dead in a few seconds instead of 7–13.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> FastFailureDetection = new Dictionary<string, string>
    {
        ["Cluster:Membership:ProbeTimeout"] = "00:00:01",
        ["Cluster:Membership:NumMissedProbesLimit"] = "2",
        ["Cluster:Membership:NumVotesForDeathDeclaration"] = "1",
        ["Cluster:Membership:TableRefreshTimeout"] = "00:00:02",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public string Name { get; }

    public int HttpPort { get; }

    /// <summary>A client of this silo's HTTP API; each call gives up after 5 s so that polling goes on.</summary>
    public HttpClient Http { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts a silo on Azure Storage at <paramref name="connectionString"/> (empty: its embedded Azurite); extra settings
    /// are <c>Section:Key</c> pairs. With <paramref name="ownSession"/> it is started through <c>setsid</c>, as the leader
    /// of a process group of its own, so that <see cref="InterruptAsTerminal"/> can signal that group as a terminal's
    /// Ctrl+C does without reaching the test host.
    /// </summary>
    public static SiloProcess Start(string name, string connectionString, string serviceId, string clusterId, IReadOnlyDictionary<string, string>? settings = null,
        bool ownSession = false, int? httpPort = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(Repo.SiloDll))
            throw new InvalidOperationException($"The silo is not built at {Repo.SiloDll}; build the solution first.");

        httpPort ??= FreePorts.Next();
        var arguments = new Dictionary<string, string>
        {
            ["urls"] = $"http://127.0.0.1:{httpPort}",
            ["ConnectionStrings:AzureStorage"] = connectionString,
            ["Cluster:SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster:ServiceId"] = serviceId,
            ["Cluster:ClusterId"] = clusterId,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            arguments[key] = value;

        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(ownSession ? "setsid" : dotnet)
        {
            // The content root is the working folder: the silo finds its appsettings.json and roster.json there.
            WorkingDirectory = Repo.SiloBinaries,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (ownSession)
            start.ArgumentList.Add(dotnet);
        start.ArgumentList.Add(Repo.SiloDll);
        foreach (var (key, value) in arguments)
            start.ArgumentList.Add($"--{key}={value}");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ConnectionStrings__AzureStorage");

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var silo = new SiloProcess(name, process, httpPort.Value);
        process.OutputDataReceived += (_, e) => silo.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Waits until this silo's <c>/healthz</c> is Healthy and counts <paramref name="activeSilos"/> active silos; returns the health JSON.</summary>
    public async Task<string> WaitUntilHealthyWithAsync(int activeSilos, TimeSpan timeout)
    {
        var health = "";
        await WaitForAssertionAsync(async () =>
        {
            if (_process.HasExited)
                throw new WaitAbandonedException($"Silo {Name} exited with code {_process.ExitCode}:{Environment.NewLine}{OutputTail(40)}");
            health = await Http.GetStringAsync("/healthz");
            using var json = JsonDocument.Parse(health);
            Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
            var silo = json.RootElement.GetProperty("checks").GetProperty("silo").GetProperty("description").GetString();
            Assert.Contains($"; {activeSilos} active silo(s)", silo);
        }, timeout, TimeSpan.FromMilliseconds(200));
        return health;
    }

    /// <summary>
    /// SIGINT to the silo's whole process group, as Ctrl+C in the terminal that ran <c>dotnet run --project silo</c>
    /// sends it to every process of the foreground group. Needs <c>ownSession</c>.
    /// </summary>
    public void InterruptAsTerminal()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", "--", $"-{_process.Id}" }, UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>SIGTERM, as a service manager stops the product: it leaves the cluster and ends by itself.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for the process to end by itself; false if it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>SIGKILL: no shutdown, no goodbye to the membership table, as when a machine dies.</summary>
    public void Kill()
    {
        if (_process.HasExited)
            return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(TimeSpan.FromSeconds(10));
    }

    public string OutputTail(int lines) => string.Join(Environment.NewLine, _output.TakeLast(lines));

    public ValueTask DisposeAsync()
    {
        Kill();
        Http.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue($"[{Name} +{_age.Elapsed.TotalSeconds:0.0}s] {line}");
        while (_output.Count > OutputLinesKept)
            _output.TryDequeue(out _);
    }
}
