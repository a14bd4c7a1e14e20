using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GuoduActors.Benchmarks;

/// <summary>What a closed-loop load achieved: operations per second and each operation's latency.</summary>
public sealed record LoadResult(int Operations, int Failures, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;

    public void Report(BenchmarkReport report, string key, string what)
    {
        report.Figure($"{key}PerSecond", $"{what}: operations per second", PerSecond, "/s");
        report.Latencies($"{key}Latency", $"{what}: latency", LatenciesMs);
        if (Failures > 0)
            report.Problems.Add($"{what}: {Failures} of {Operations + Failures} operations failed.");
    }
}

public static class Load
{
    /// <summary>
    /// Runs <paramref name="operation"/> for 0 … <paramref name="count"/>−1 with exactly <paramref name="concurrency"/> in
    /// flight (closed loop: each worker starts the next as soon as its last one ends), timing each one.
    /// </summary>
    public static async Task<LoadResult> ClosedLoopAsync(int count, int concurrency, Func<int, Task> operation)
    {
        var latencies = new double[count];
        var failed = new bool[count];
        var next = -1;
        var firstFailure = (Exception?)null;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await operation(i);
                }
                catch (Exception e)
                {
                    failed[i] = true;
                    Interlocked.CompareExchange(ref firstFailure, e, null);
                }
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        var elapsed = clock.Elapsed;
        if (firstFailure is not null)
            Console.Error.WriteLine($"First failure: {firstFailure.GetType().Name}: {firstFailure.Message}");
        var failures = failed.Count(f => f);
        return new LoadResult(count - failures, failures, elapsed, [.. latencies.Where((_, i) => !failed[i])]);
    }
}

/// <summary>
/// Counts the HTTP requests this process sends to one port (the storage emulator's table endpoint), from .NET's own
/// <c>http.client.request.duration</c> metric: how many storage round trips a ticket costs, without touching the product.
/// </summary>
public sealed class RequestCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public RequestCounter(int port)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "server.port" && tag.Value is int p && p == port)
                    Interlocked.Increment(ref _count);
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
