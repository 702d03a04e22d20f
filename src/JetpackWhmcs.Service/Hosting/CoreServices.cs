using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.Nonces;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Service.Configuration;
using JetpackWhmcs.Service.Health;
using JetpackWhmcs.Service.Logging;
using JetpackWhmcs.Service.Metrics;
using JetpackWhmcs.Service.Tokens;
using JetpackWhmcs.Whmcs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JetpackWhmcs.Service.Hosting;

/// <summary>The parts the service and the operator commands share: ledger, nonces, WHMCS's tables, API client, engine, tokens.</summary>
public static class CoreServices
{
    /// <summary>Registers the shared parts; they read <see cref="IOptions{JetpackWhmcsOptions}"/>.</summary>
    public static IServiceCollection AddJetpackWhmcsCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));
        services.AddSingleton(p => p.GetRequiredService<IOptions<JetpackWhmcsOptions>>().Value);
        services.AddSingleton<ServiceMetrics>();
        services.AddSingleton(p =>
        {
            var options = p.GetRequiredService<JetpackWhmcsOptions>();
            if (!options.UsesMySql)
            {
                ServiceHost.EnsureDataDirectory(options);
            }

            return LedgerFactory.Create(options.ResolvedDatabase, p.GetRequiredService<TimeProvider>(), p.GetRequiredService<ILoggerFactory>().CreateLogger("JetpackWhmcs.Ledger"));
        });
        services.AddSingleton<IJetpackLicensingClient>(p =>
        {
            var options = p.GetRequiredService<JetpackWhmcsOptions>();
            // One pooled handler per process, with the request-id reader in front of it.
            var http = new HttpClient(new RequestIdHandler { InnerHandler = JetpackLicensingClientFactory.CreateHandler() }) { Timeout = Timeout.InfiniteTimeSpan };
            var client = new JetpackLicensingClient(
                http,
                new JetpackLicensingOptions { BaseUrl = options.ApiBaseUri, AttemptTimeout = options.AttemptTimeout, OverallTimeout = options.OverallTimeout },
                p.GetRequiredService<TimeProvider>(),
                p.GetRequiredService<ILogger<JetpackLicensingClient>>());
            return new MeasuredLicensingClient(client, p.GetRequiredService<ServiceMetrics>());
        });
        services.AddSingleton(p => BridgeSecret.LoadOrCreate(p.GetRequiredService<JetpackWhmcsOptions>()));
        services.AddSingleton<INonceStore>(p => LedgerFactory.CreateNonceStore(p.GetRequiredService<JetpackWhmcsOptions>().ResolvedDatabase));
        services.AddSingleton(p => new TokenRegistry(p.GetRequiredService<JetpackWhmcsOptions>().Tokens));
        services.AddSingleton(p => WhmcsDatabaseFactory.Create(p.GetRequiredService<JetpackWhmcsOptions>().ResolvedDatabase));
        services.AddSingleton<WhmcsTokenLoader>();
        services.AddSingleton<HealthProbe>();
        services.AddSingleton<LicenseCountsCache>();
        services.AddModuleEngine();
        return services;
    }

    /// <summary>A container for an operator command (no web host), from already validated options.</summary>
    public static ServiceProvider BuildForCommand(JetpackWhmcsOptions options, TimeProvider? timeProvider = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(options));
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddJetpackWhmcsCore();
        return services.BuildServiceProvider();
    }
}
