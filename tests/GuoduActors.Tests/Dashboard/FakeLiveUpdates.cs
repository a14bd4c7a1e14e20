using GuoduActors.Dashboard.Services;

namespace GuoduActors.Tests.Dashboard;

/// <summary>Live updates the test pushes by hand, as the sub-district grain would.</summary>
internal sealed class FakeLiveUpdates : ILiveUpdates
{
    private readonly List<LiveEvent> _recent = [];

    public event Action<LiveBatch>? Changed;

    public IReadOnlyList<LiveEvent> Recent => _recent;

    public int Subscribers => Changed?.GetInvocationList().Length ?? 0;

    public void Push(LiveBatch batch)
    {
        _recent.AddRange(batch.Events);
        Changed?.Invoke(batch);
    }
}
