using GuoduActors.Dashboard.Services;

namespace GuoduActors.Tests.Dashboard;

public sealed class RefreshCoalescerTests
{
    private static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(250);
    private readonly FakeTimeProvider _time = new(SampleOverview.AsOf);
    private int _refreshes;

    private RefreshCoalescer Coalescer() => new(_time, Gap, () =>
    {
        Interlocked.Increment(ref _refreshes);
        return Task.CompletedTask;
    });

    [Fact]
    public async Task ARequestFromAThreadOfAnotherCultureRefreshesInTheReadersCulture()
    {
        var previous = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        string? seen = null;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new("en");
            using var coalescer = new RefreshCoalescer(_time, Gap, () =>
            {
                seen = System.Globalization.CultureInfo.CurrentUICulture.Name;
                return Task.CompletedTask;
            });

            // As a live push does: the request comes from a thread whose culture is not the reader's.
            await Task.Run(() =>
            {
                System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new("zh-CN");
                coalescer.Request();
            });
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = previous;
        }

        Assert.Equal("en", seen);
    }

    [Fact]
    public void TheFirstRequestRefreshesAtOnce()
    {
        using var coalescer = Coalescer();

        coalescer.Request();

        Assert.Equal(1, _refreshes);
    }

    [Fact]
    public void ABurstOfRequestsRefreshesOnceAtOnceAndOnceMoreAtTheEndOfTheGap()
    {
        using var coalescer = Coalescer();

        for (var i = 0; i < 1000; i++)
            coalescer.Request();
        Assert.Equal(1, _refreshes);

        _time.Advance(Gap);
        Assert.Equal(2, _refreshes);

        _time.Advance(Gap * 10);
        Assert.Equal(2, _refreshes);
    }

    [Fact]
    public void RequestsArrivingForASecondRefreshAtMostFourTimesASecond()
    {
        using var coalescer = Coalescer();

        for (var tick = 0; tick < 100; tick++)
        {
            coalescer.Request();
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.InRange(_refreshes, 4, 5);
    }

    [Fact]
    public void ARequestAfterAQuietGapRefreshesAtOnce()
    {
        using var coalescer = Coalescer();
        coalescer.Request();
        _time.Advance(Gap * 2);

        coalescer.Request();

        Assert.Equal(2, _refreshes);
    }

    [Fact]
    public void ARefreshThatIsStillRunningIsFollowedByOneMoreWhenRequestsArrivedMeanwhile()
    {
        var running = new TaskCompletionSource();
        var runs = 0;
        using var coalescer = new RefreshCoalescer(_time, Gap, () =>
        {
            return Interlocked.Increment(ref runs) == 1 ? running.Task : Task.CompletedTask;
        });

        coalescer.Request();
        _time.Advance(Gap * 2);
        coalescer.Request();
        coalescer.Request();
        Assert.Equal(1, runs);

        running.SetResult();

        Assert.Equal(2, runs);
    }

    [Fact]
    public void NothingRunsAfterDisposal()
    {
        var coalescer = Coalescer();
        coalescer.Request();
        coalescer.Request();

        coalescer.Dispose();
        _time.Advance(Gap * 4);
        coalescer.Request();

        Assert.Equal(1, _refreshes);
    }
}
