using JetpackWhmcs.Provisioning;
using JetpackWhmcs.Provisioning.DependencyInjection;
using JetpackWhmcs.Service.Configuration;

namespace JetpackWhmcs.Service.Hosting;

/// <summary>Registers the provisioning engine with the settings of this configuration.</summary>
public static class EngineWiring
{
    /// <summary>Registers the engine, recovery and reconciliation (one shared set of parts) and their options.</summary>
    public static IServiceCollection AddModuleEngine(this IServiceCollection services)
    {
        services.AddSingleton(p => EngineOptions(p.GetRequiredService<JetpackWhmcsOptions>()));
        return services.AddJetpackProvisioning();
    }

    /// <summary>The engine's settings from the service's: the grace, and the API deadline the claim lease is built on.</summary>
    public static ModuleEngineOptions EngineOptions(JetpackWhmcsOptions options) => new()
    {
        ClaimStaleAfter = options.RecoveryGrace,
        ApiCallTimeout = options.OverallTimeout,
    };
}
