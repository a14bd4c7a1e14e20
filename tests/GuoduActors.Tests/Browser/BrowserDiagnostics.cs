using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace GuoduActors.Tests.Browser;

/// <summary>
/// Everything a page complained about: console errors, uncaught exceptions, requests that failed or answered an error
/// status. Follows every page of a browser context, including pages opened later.
/// </summary>
public sealed class BrowserDiagnostics
{
    private readonly ConcurrentQueue<string> _problems = new();

    public IReadOnlyCollection<string> Problems => _problems;

    public void Follow(IBrowserContext context)
    {
        foreach (var page in context.Pages)
            Follow(page);
        context.Page += (_, page) => Follow(page);
    }

    /// <summary>How many problems were seen so far: a mark for <see cref="AssertNone(int)"/> and <see cref="Since"/>.</summary>
    public int Mark() => _problems.Count;

    /// <summary>The problems seen after <paramref name="mark"/>, oldest first.</summary>
    public IReadOnlyList<string> Since(int mark) => _problems.Skip(mark).ToList();

    /// <summary>Fails with every problem seen after <paramref name="mark"/> (all by default), each with the page it happened on.</summary>
    public void AssertNone(int mark = 0)
    {
        var problems = Since(mark);
        Assert.True(problems.Count == 0,
            $"The browser reported {problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    private void Follow(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                _problems.Enqueue($"console error on {page.Url}: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => _problems.Enqueue($"uncaught exception on {page.Url}: {error}");
        page.RequestFailed += (_, request) =>
            _problems.Enqueue($"request failed on {page.Url}: {request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
                _problems.Enqueue($"HTTP {response.Status} on {page.Url}: {response.Request.Method} {response.Url}");
        };
    }
}
