using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Net.Sockets;
using Azure.Data.Tables;

namespace GuoduActors.Silo.Hosting;

/// <summary>Section <c>Azurite</c>: the embedded Azure Storage emulator used when no connection string is set.</summary>
public sealed class AzuriteOptions
{
    public const string Section = "Azurite";

    /// <summary>Where Azurite keeps its data; relative paths are resolved against the current directory.</summary>
    [Required] public string DataPath { get; set; } = "data/azurite";

    /// <summary>Keep the data in memory only (tests): nothing survives the process.</summary>
    public bool InMemory { get; set; }

    [Range(1, 65535)] public int BlobPort { get; set; } = 10000;
    [Range(1, 65535)] public int QueuePort { get; set; } = 10001;
    [Range(1, 65535)] public int TablePort { get; set; } = 10002;

    /// <summary>The folder holding the committed <c>package.json</c> that pins Azurite; found by walking up when unset.</summary>
    public string? NodeProjectPath { get; set; }

    /// <summary>Generous: on a loaded two-core machine Azurite's first start can take a minute or more.</summary>
    [Range(1, 600)] public int StartTimeoutSeconds { get; set; } = 180;

    /// <summary>The connection string of the well-known Azurite development account on these ports.</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";
}

/// <summary>
/// Runs Azurite, the official Azure Storage emulator, as a child process: installed from the repository's pinned
/// <c>package.json</c> with <c>npm ci</c> when missing, started on loopback, awaited until it answers, and stopped
/// with its host. Used by the silo's embedded default and by the tests that need real Azure Storage.
/// </summary>
public sealed class EmbeddedAzurite : IAsyncDisposable
{
    private const string PidFileName = "azurite.pid";
    private const string SetsidPath = "/usr/bin/setsid";
    private readonly Process _process;
    private readonly string? _pidFile;

    private EmbeddedAzurite(Process process, AzuriteOptions options, string? pidFile)
    {
        _process = process;
        Options = options;
        _pidFile = pidFile;
    }

    public AzuriteOptions Options { get; }

    public string ConnectionString => Options.ConnectionString;

    /// <summary>The Azurite entry script, installing the pinned package first when it is missing.</summary>
    public static string EnsureInstalled(AzuriteOptions options)
    {
        var project = FindNodeProject(options);
        var script = Path.Combine(project, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (File.Exists(script))
            return script;

        RequireTool("node");
        RequireTool("npm");
        // npm ci installs exactly what package-lock.json pins, into this repository only (never globally).
        var (exitCode, output) = Run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], project, TimeSpan.FromMinutes(5));
        if (exitCode != 0 || !File.Exists(script))
            throw new StartupException($"installing Azurite with 'npm ci' in {project} failed (exit {exitCode}): {Tail(output)}; fix npm's access to its registry, or set ConnectionStrings__AzureStorage to an Azure Storage connection string.");
        return script;
    }

    /// <summary>Starts Azurite and returns once its table endpoint answers.</summary>
    public static async Task<EmbeddedAzurite> StartAsync(AzuriteOptions options, CancellationToken cancellationToken = default)
    {
        var script = EnsureInstalled(options);
        var args = new List<string>
        {
            script, "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", options.BlobPort.ToString(), "--queuePort", options.QueuePort.ToString(), "--tablePort", options.TablePort.ToString(),
        };

        string? pidFile = null;
        if (options.InMemory)
        {
            args.Add("--inMemoryPersistence");
        }
        else
        {
            var location = Path.GetFullPath(options.DataPath);
            Directory.CreateDirectory(location);
            pidFile = Path.Combine(location, PidFileName);
            StopOrphan(pidFile);
            args.AddRange(["--location", location]);
        }

        foreach (var port in new[] { options.BlobPort, options.QueuePort, options.TablePort })
        {
            if (IsListening(port))
                throw new StartupException($"port {port} on 127.0.0.1 is already in use, so the embedded Azurite cannot start; stop what uses it, move Azurite with Azurite__BlobPort/QueuePort/TablePort, or set ConnectionStrings__AzureStorage to the storage you already run.");
        }

        // In a session of its own where setsid exists (util-linux, on every Debian): Ctrl+C in a terminal signals the
        // whole foreground process group, and an Azurite that stopped with the host would leave the silo writing its
        // last state to nothing while it shuts down. The host stops Azurite itself, after Orleans. setsid execs node in
        // place (a child is never a group leader), so the process id is still Azurite's.
        var isolate = !OperatingSystem.IsWindows() && File.Exists(SetsidPath);
        var start = new ProcessStartInfo(isolate ? SetsidPath : "node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (isolate)
            start.ArgumentList.Add("node");
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new StartupException("the 'node' process for Azurite could not be started.");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        if (pidFile is not null)
            await File.WriteAllTextAsync(pidFile, process.Id.ToString(), cancellationToken);

        var azurite = new EmbeddedAzurite(process, options, pidFile);
        try
        {
            await WaitUntilAnsweringAsync(azurite, TimeSpan.FromSeconds(options.StartTimeoutSeconds), cancellationToken);
        }
        catch (Exception e)
        {
            var exitCode = process.HasExited ? process.ExitCode : (int?)null;
            await azurite.DisposeAsync();
            string stderr;
            lock (errors) stderr = errors.ToString();
            var why = e is OperationCanceledException
                ? $"did not answer on 127.0.0.1:{options.TablePort} within {options.StartTimeoutSeconds} s"
                : exitCode is { } code ? $"exited with code {code} during start" : $"failed during start ({e.Message})";
            throw new StartupException($"Azurite {why}{(stderr.Length > 0 ? ": " + Tail(stderr) : ".")}", e);
        }
        return azurite;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM first: Azurite saves its database on the way out. A kill would lose whatever it had not yet
            // flushed (it saves every few seconds), so the kill is only for an Azurite that does not stop in time.
            if (OperatingSystem.IsWindows() || Terminate(_process.Id) != 0)
                _process.Kill(entireProcessTree: true);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        _process.Dispose();
        if (_pidFile is not null)
            File.Delete(_pidFile);
    }

    private static async Task WaitUntilAnsweringAsync(EmbeddedAzurite azurite, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        // One attempt per probe: this loop is the retry policy, and the client's own retries would end it early.
        var client = new TableServiceClient(azurite.ConnectionString, new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(5) } });
        while (true)
        {
            if (azurite._process.HasExited)
                throw new InvalidOperationException("Azurite exited during start.");
            try
            {
                await client.GetPropertiesAsync(deadline.Token);
                return;
            }
            catch (Exception e) when (!deadline.IsCancellationRequested && e is Azure.RequestFailedException or HttpRequestException or SocketException or AggregateException or TaskCanceledException)
            {
                // Not listening yet: the process was started a moment ago. Azure.Core retries a refused connection a few
                // times by itself and then throws an AggregateException; on a busy machine Azurite takes longer than
                // those retries to listen, and that must not end the wait before its deadline.
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
        }
    }

    /// <summary>An Azurite left running by a host that was killed holds the data folder and the ports: stop it.</summary>
    private static void StopOrphan(string pidFile)
    {
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile), out var pid))
            return;
        try
        {
            using var orphan = Process.GetProcessById(pid);
            var commandLine = File.Exists($"/proc/{pid}/cmdline") ? File.ReadAllText($"/proc/{pid}/cmdline") : "";
            if (commandLine.Contains("azurite", StringComparison.Ordinal))
            {
                orphan.Kill(entireProcessTree: true);
                orphan.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (ArgumentException)
        {
            // That process is gone already.
        }
        File.Delete(pidFile);
    }

    private static string FindNodeProject(AzuriteOptions options)
    {
        if (options.NodeProjectPath is { } configured)
        {
            return File.Exists(Path.Combine(configured, "package.json"))
                ? Path.GetFullPath(configured)
                : throw new StartupException($"Azurite:NodeProjectPath '{configured}' holds no package.json.");
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var manifest = Path.Combine(dir.FullName, "package.json");
                if (File.Exists(manifest) && File.ReadAllText(manifest).Contains("\"azurite\"", StringComparison.Ordinal))
                    return dir.FullName;
            }
        }
        throw new StartupException("the package.json that pins Azurite was not found above the current folder or the binaries; run from the repository, set Azurite__NodeProjectPath, or set ConnectionStrings__AzureStorage to an Azure Storage connection string.");
    }

    private static void RequireTool(string tool)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));
        if (!onPath)
            throw new StartupException($"'{tool}' was not found: install Node.js 20 or later with npm (e.g. 'apt-get install nodejs npm') for the embedded Azure Storage emulator, or set ConnectionStrings__AzureStorage to an Azure Storage connection string.");
    }

    private static (int ExitCode, string Output) Run(string file, IEnumerable<string> args, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout.TotalSeconds:0} s");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private static int Terminate(int pid) => SendSignal(pid, SigTerm);

    private static string Tail(string text) => text.Length <= 400 ? text.Trim() : text[^400..].Trim();
}

/// <summary>
/// Keeps the embedded Azurite running for the host's lifetime. It starts in the host's <em>starting</em> phase and is
/// registered before Orleans, whose silo also starts in that phase: storage must answer before the silo joins its
/// cluster through it. It stops last, after the silo has written its final state.
/// </summary>
internal sealed class EmbeddedAzuriteService(AzuriteOptions options, ILogger<EmbeddedAzuriteService> logger) : IHostedLifecycleService
{
    private EmbeddedAzurite? _azurite;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        _azurite = await EmbeddedAzurite.StartAsync(options, cancellationToken);
        logger.LogInformation("Embedded Azurite is answering on 127.0.0.1:{Blob}/{Queue}/{Table}, data in {Data}",
            options.BlobPort, options.QueuePort, options.TablePort, options.InMemory ? "memory" : Path.GetFullPath(options.DataPath));
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (_azurite is not null)
            await _azurite.DisposeAsync();
    }
}
