using GuoduActors.Silo.Hosting;

namespace GuoduActors.Silo.Roster;

public static class RosterHosting
{
    /// <summary>
    /// Loads and validates the roster before anything starts (a bad file stops the start, naming the entry), then
    /// applies it to the grains once the silo is up. Call after <c>AddGuoduSilo</c> so it starts after Orleans.
    /// </summary>
    public static WebApplicationBuilder AddGuoduRoster(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GuoduOptions.Section).Get<GuoduOptions>() ?? new();
        OrleansHosting.Validate(options, GuoduOptions.Section);
        var path = DataFiles.Resolve(options.RosterPath, builder.Environment.ContentRootPath);
        GuoduActors.Roster roster;
        try
        {
            roster = RosterFile.Load(path);
        }
        catch (RosterException e)
        {
            throw new StartupException(e.Message, e);
        }
        builder.Services.AddSingleton(roster);
        builder.Services.AddSingleton(new SiteContext(roster.SubDistrict.Id));
        builder.Services.AddHostedService<RosterSeeder>();
        return builder;
    }
}

/// <summary>Applies the roster to the grains when the silo has started; idempotent, so every silo of a cluster may do it.</summary>
internal sealed class RosterSeeder(GuoduActors.Roster roster, IGrainFactory grains, ILogger<RosterSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Idempotent, so a call that timed out (a busy emulator reloading a large store while 72 stations activate) is repeated.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await grains.GetGrain<ISubDistrictGrain>(roster.SubDistrict.Id).ApplyRosterAsync(roster);
                break;
            }
            catch (TimeoutException e) when (attempt < 5 && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Applying the roster timed out (attempt {Attempt} of 5); trying again", attempt);
            }
        }
        logger.LogInformation("Roster of {SubDistrict} is live: {Stations} stations, {Teams} volunteer teams",
            roster.SubDistrict.NameEn, roster.Stations.Count, roster.Teams.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
