using System.Diagnostics;
using System.Globalization;

namespace GuoduActors.Tests.Storage;

/// <summary>
/// The README's product command with its embedded Azurite, stopped the way people stop it: Ctrl+C in the terminal,
/// which signals every process of the foreground group. Azurite must not die with that signal while the silo still
/// writes its last state; the host stops it itself, after Orleans, and exits promptly.
/// </summary>
public sealed class EmbeddedAzuriteShutdownTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("guodu-azurite-").FullName;

    [Fact]
    public async Task CtrlCInTheTerminalStopsTheSiloPromptlyAndItsAzuriteAfterIt()
    {
        await using var silo = SiloProcess.Start("product", connectionString: "", $"ctrlc-{Guid.NewGuid():N}", "ctrlc", new Dictionary<string, string>
        {
            ["Azurite:DataPath"] = _data,
            ["Azurite:BlobPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Azurite:QueuePort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Azurite:TablePort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        }, ownSession: true);
        await silo.WaitUntilHealthyWithAsync(1, TimeSpan.FromMinutes(3));
        var azurite = Process.GetProcessById(int.Parse(await File.ReadAllTextAsync(Path.Combine(_data, "azurite.pid")), CultureInfo.InvariantCulture));

        var clock = Stopwatch.StartNew();
        silo.InterruptAsTerminal();
        var exited = await silo.WaitForExitAsync(TimeSpan.FromSeconds(45));
        output.WriteLine($"The silo exited {clock.Elapsed.TotalSeconds:0.0} s after Ctrl+C.");

        Assert.True(exited, $"The silo was still running 45 s after Ctrl+C:{Environment.NewLine}{silo.OutputTail(40)}");
        Assert.Equal(0, silo.ExitCode);
        Assert.True(azurite.HasExited, "The host left its Azurite running.");
        Assert.DoesNotContain("Connection refused", silo.OutputTail(400));
        Assert.False(File.Exists(Path.Combine(_data, "azurite.pid")), "The host did not stop its Azurite itself (the pid file is still there).");
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
