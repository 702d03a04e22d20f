using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Provisioning.ExactlyOnce;
using JetpackWhmcs.Provisioning.Issuance;
using JetpackWhmcs.Provisioning.Reconciliation;
using JetpackWhmcs.Provisioning.Recovery;
using JetpackWhmcs.Whmcs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Provisioning.DependencyInjection;

/// <summary>Registers the provisioning engine: one set of parts shared by the engine, recovery and reconciliation.</summary>
public static class ProvisioningServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IModuleEngine"/>, <see cref="RecoveryService"/>, <see cref="ReconciliationService"/>
    /// and <see cref="ClaimHolder"/>, built once from the registered <see cref="IJetpackLicensingClient"/>,
    /// <see cref="ILicenseLedger"/>, <see cref="TimeProvider"/> and <see cref="ModuleEngineOptions"/>
    /// (validated when first resolved), and <see cref="IWhmcsDatabase"/> when one is registered.
    /// </summary>
    public static IServiceCollection AddJetpackProvisioning(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ModuleEngineOptions>();
        services.TryAddSingleton<ClaimHolder>();
        services.TryAddSingleton<IProvisioningHooks>(NoProvisioningHooks.Instance);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(p => ProvisioningParts.Create(
            p.GetRequiredService<IJetpackLicensingClient>(),
            p.GetRequiredService<ILicenseLedger>(),
            p.GetRequiredService<TimeProvider>(),
            p.GetRequiredService<ILoggerFactory>().CreateLogger("JetpackWhmcs.Provisioning"),
            p.GetRequiredService<ModuleEngineOptions>(),
            p.GetRequiredService<IProvisioningHooks>(),
            p.GetRequiredService<ClaimHolder>(),
            p.GetService<IWhmcsDatabase>()));
        services.AddSingleton<IModuleEngine>(p => new ModuleEngine(p.GetRequiredService<ProvisioningParts>(), p.GetRequiredService<ILogger<ModuleEngine>>()));
        services.AddSingleton(p => new RecoveryService(p.GetRequiredService<ProvisioningParts>()));
        services.AddSingleton(p => new ReconciliationService(p.GetRequiredService<ProvisioningParts>()));
        return services;
    }
}
