using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GuoduActors.Dashboard;

public static class DashboardHosting
{
    public static IServiceCollection AddGuoduDashboard(this IServiceCollection services) => services;

    public static WebApplication UseGuoduDashboard(this WebApplication app) => app;

    public static WebApplication MapGuoduDashboard(this WebApplication app) => app;
}
