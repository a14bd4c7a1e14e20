using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace GuoduActors.Silo.Hosting;

public static class HealthHosting
{
    /// <summary><c>GET /healthz</c>: storage reachable and this silo active in its cluster, as JSON.</summary>
    public static WebApplication MapGuoduHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteJsonAsync });
        return app;
    }

    public static IServiceCollection AddGuoduHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage")
            .AddCheck<SiloHealthCheck>("silo");
        return services;
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}

internal sealed class StorageHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<TableServiceClient>() is not { } tables)
            return HealthCheckResult.Healthy("In-memory storage (tests only).");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            await tables.GetPropertiesAsync(timeout.Token);
            return HealthCheckResult.Healthy($"Azure Table storage answers at {tables.Uri}.");
        }
        catch (Exception e) when (e is Azure.RequestFailedException or OperationCanceledException or HttpRequestException)
        {
            return HealthCheckResult.Unhealthy($"Azure Table storage at {tables.Uri} does not answer: {e.Message}");
        }
    }
}

internal sealed class SiloHealthCheck(ILocalSiloDetails silo, IClusterMembershipService membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        var members = membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {silo.SiloAddress} is active; {members} active silo(s) in the cluster.")
            : HealthCheckResult.Unhealthy($"Silo {silo.SiloAddress} is {status}."));
    }
}
