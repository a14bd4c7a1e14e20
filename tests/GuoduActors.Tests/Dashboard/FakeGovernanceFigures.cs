using GuoduActors.Dashboard.Services;

namespace GuoduActors.Tests.Dashboard;

/// <summary>Answers the overview's figures with whatever the test set last (by default: nothing happened yet).</summary>
internal sealed class FakeGovernanceFigures : IGovernanceFigures
{
    private Func<GovernanceFigures> _answer = () => Empty(SampleOverview.AsOf);

    public static GovernanceFigures Empty(DateTimeOffset asOf) => new(0, 0, [], [], asOf);

    public void Returns(GovernanceFigures figures) => _answer = () => figures;

    public void Throws(Exception exception) => _answer = () => throw exception;

    public Task<GovernanceFigures> GetAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult(_answer());
        }
        catch (Exception e)
        {
            return Task.FromException<GovernanceFigures>(e);
        }
    }
}
