using System.Diagnostics;

namespace GuoduActors.Tests.Infrastructure;

/// <summary>
/// Bounded waiting for things that become true asynchronously (one-way counter reports, failure detection):
/// retry an assertion until it passes or a deadline expires. The only place where tests pause.
/// </summary>
public static class Waiting
{
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Runs <paramref name="assertion"/> until it passes; returns how long that took, or throws its last failure at the deadline.</summary>
    public static async Task<TimeSpan> WaitForAssertionAsync(Func<Task> assertion, TimeSpan timeout, TimeSpan? pollInterval = null)
    {
        var watch = Stopwatch.StartNew();
        var attempts = 0;
        while (true)
        {
            attempts++;
            try
            {
                await assertion();
                return watch.Elapsed;
            }
            catch (Exception e) when (e is not WaitAbandonedException && watch.Elapsed < timeout)
            {
                await Task.Delay(pollInterval ?? DefaultPollInterval);
            }
            catch (Exception e) when (e is not WaitAbandonedException)
            {
                throw new TimeoutException($"Still failing after {watch.Elapsed.TotalSeconds:0.0} s and {attempts} attempt(s): {e.Message}", e);
            }
        }
    }

    /// <inheritdoc cref="WaitForAssertionAsync(Func{Task}, TimeSpan, TimeSpan?)"/>
    public static Task<TimeSpan> WaitForAssertionAsync(Action assertion, TimeSpan timeout, TimeSpan? pollInterval = null) =>
        WaitForAssertionAsync(() =>
        {
            assertion();
            return Task.CompletedTask;
        }, timeout, pollInterval);
}

/// <summary>Thrown from inside a waited-for assertion when waiting longer cannot help (say, the process under test exited).</summary>
public sealed class WaitAbandonedException(string message) : Exception(message);
