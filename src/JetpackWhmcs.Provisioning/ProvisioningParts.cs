using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Provisioning.Audit;
using JetpackWhmcs.Provisioning.Catalog;
using JetpackWhmcs.Provisioning.ExactlyOnce;
using JetpackWhmcs.Provisioning.Issuance;
using JetpackWhmcs.Provisioning.Lifecycle;
using JetpackWhmcs.Provisioning.Recovery;
using JetpackWhmcs.Whmcs;
using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Provisioning;

/// <summary>
/// The engine's objects, built in this one place: the audited API, the exactly-once protocol, the
/// issuer and the licence operations. The service builds one set through DI and shares it between the
/// module engine, the background recovery and reconciliation.
/// </summary>
internal sealed class ProvisioningParts
{
    private ProvisioningParts(ILicenseLedger ledger, AuditedApi api, ClaimProtocol protocol, EngineServices services, ILogger logger)
    {
        Ledger = ledger;
        Api = api;
        Protocol = protocol;
        Services = services;
        Logger = logger;
    }

    public ILicenseLedger Ledger { get; }

    public AuditedApi Api { get; }

    public ClaimProtocol Protocol { get; }

    public EngineServices Services { get; }

    public ILogger Logger { get; }

    public static ProvisioningParts Create(
        IJetpackLicensingClient client,
        ILicenseLedger ledger,
        TimeProvider time,
        ILogger logger,
        ModuleEngineOptions? options,
        IProvisioningHooks? hooks,
        ClaimHolder? holder,
        IWhmcsDatabase? whmcs = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        options ??= new ModuleEngineOptions();
        options.Validate();

        var api = new AuditedApi(client, ledger, time, logger);
        var protocol = new ClaimProtocol(new UnrecordedLicenseFinder(api, ledger, options), ledger, time, options, holder ?? new ClaimHolder(), logger);
        var issuer = new LicenseIssuer(api, protocol, ledger, hooks ?? NoProvisioningHooks.Instance, logger);
        var services = new EngineServices(
            api,
            ledger,
            issuer,
            new LicenseOperations(api, ledger, time),
            new CurrentLicense(ledger, issuer, time),
            new ProductCatalog(client, time, options),
            whmcs ?? WhmcsDatabaseFactory.None,
            time,
            logger);
        return new ProvisioningParts(ledger, api, protocol, services, logger);
    }
}
