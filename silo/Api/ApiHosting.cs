using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace GuoduActors.Silo.Api;

public static class ApiHosting
{
    public static IServiceCollection AddGuoduApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddOpenApi();
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }

    public static WebApplication MapGuoduApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi("/openapi/{documentName}.json");
        var api = app.MapGroup("/api");
        api.MapWeeklyReportEndpoints();
        api.MapStationEndpoints();
        api.MapTicketEndpoints();
        api.MapTicketListEndpoints();
        api.MapStationOperationsEndpoints();
        api.MapSimulationEndpoints();
        return app;
    }
}
