using GuoduActors.Dashboard.Services;

namespace GuoduActors.Tests.Dashboard;

/// <summary>Answers the overview page with whatever the test set last, and counts the calls.</summary>
internal sealed class FakeOverviewSource : IOverviewSource
{
    private Func<SubDistrictOverview> _answer = () => throw new InvalidOperationException("The test set no answer.");
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public void Returns(SubDistrictOverview overview) => _answer = () => overview;

    public void Throws(Exception exception) => _answer = () => throw exception;

    public Task<SubDistrictOverview> GetOverviewAsync()
    {
        Interlocked.Increment(ref _calls);
        try
        {
            return Task.FromResult(_answer());
        }
        catch (Exception e)
        {
            // As a grain call fails: through the task, not from the call itself.
            return Task.FromException<SubDistrictOverview>(e);
        }
    }
}
