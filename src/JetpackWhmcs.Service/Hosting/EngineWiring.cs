using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Provisioning;
using JetpackWhmcs.Provisioning.Reconciliation;
using JetpackWhmcs.Provisioning.Recovery;
using JetpackWhmcs.Service.Configuration;

namespace JetpackWhmcs.Service.Hosting;

/// <summary>Registers the provisioning engine (the one place that knows how it is built).</summary>
public static class EngineWiring
{
    /// <summary>Registers <see cref="IModuleEngine"/> and its options.</summary>
    public static IServiceCollection AddModuleEngine(this IServiceCollection services)
    {
        services.AddSingleton(p => new ModuleEngineOptions { ClaimStaleAfter = p.GetRequiredService<JetpackWhmcsOptions>().RecoveryGrace });
        services.AddSingleton<IModuleEngine>(p => new ModuleEngine(
            p.GetRequiredService<IJetpackLicensingClient>(),
            p.GetRequiredService<ILicenseLedger>(),
            p.GetRequiredService<TimeProvider>(),
            p.GetRequiredService<ILogger<ModuleEngine>>(),
            p.GetRequiredService<ModuleEngineOptions>()));
        services.AddSingleton(p => new RecoveryService(
            p.GetRequiredService<IJetpackLicensingClient>(),
            p.GetRequiredService<ILicenseLedger>(),
            p.GetRequiredService<TimeProvider>(),
            p.GetRequiredService<ILogger<RecoveryService>>(),
            p.GetRequiredService<ModuleEngineOptions>()));
        services.AddSingleton(p => new ReconciliationService(
            p.GetRequiredService<IJetpackLicensingClient>(),
            p.GetRequiredService<ILicenseLedger>(),
            p.GetRequiredService<TimeProvider>(),
            p.GetRequiredService<ILogger<ReconciliationService>>(),
            p.GetRequiredService<ModuleEngineOptions>()));
        return services;
    }
}
