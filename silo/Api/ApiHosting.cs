using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace GuoduActors.Silo.Api;

public static class ApiHosting
{
    public static IServiceCollection AddGuoduApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<StorageUnavailableHandler>();
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
        // Ids in the path name grains, and Orleans refuses a blank grain key with an exception: answer 404 instead.
        api.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Request.RouteValues.Values.Any(v => v is string id && string.IsNullOrWhiteSpace(id))
                ? Problems.Problem(StatusCodes.Status404NotFound, "Not found", "A blank id names nothing.")
                : await next(context));
        api.MapWeeklyReportEndpoints();
        api.MapStationEndpoints();
        api.MapTicketEndpoints();
        api.MapTicketListEndpoints();
        api.MapStationOperationsEndpoints();
        api.MapSimulationEndpoints();
        api.MapForecastEndpoints();
        return app;
    }
}
