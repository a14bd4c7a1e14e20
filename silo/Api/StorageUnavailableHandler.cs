using Microsoft.AspNetCore.Diagnostics;

namespace GuoduActors.Silo.Api;

/// <summary>
/// Answers a request that failed because storage (or the cluster behind it) is unreachable with 503 and
/// <c>Retry-After</c>: the client may try again and nothing was acknowledged, rather than a 500 that says nothing.
/// Grains build their next state aside and keep it only after a successful write, so a refused request changed nothing.
/// </summary>
internal sealed class StorageUnavailableHandler(IProblemDetailsService problems, ILogger<StorageUnavailableHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception))
            return false;
        logger.LogWarning(exception, "Storage or cluster unavailable for {Method} {Path}", http.Request.Method, http.Request.Path);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Temporarily unavailable",
                Detail = $"Storage is not answering; nothing was changed. Try again in {RetryAfterSeconds} seconds.",
            },
        });
    }

    private static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Azure.RequestFailedException or HttpRequestException or TimeoutException or System.Net.Sockets.SocketException
                or Orleans.Runtime.SiloUnavailableException or Orleans.Runtime.OrleansMessageRejectionException)
                return true;
        }
        return false;
    }
}
