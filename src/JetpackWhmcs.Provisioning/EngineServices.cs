using JetpackWhmcs.Ledger;
using JetpackWhmcs.Provisioning.Audit;
using JetpackWhmcs.Provisioning.Catalog;
using JetpackWhmcs.Provisioning.Issuance;
using JetpackWhmcs.Provisioning.Lifecycle;
using JetpackWhmcs.Whmcs;
using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Provisioning;

/// <summary>The parts every module function uses, built once per engine.</summary>
internal sealed class EngineServices(
    AuditedApi api,
    ILicenseLedger ledger,
    LicenseIssuer issuer,
    LicenseOperations operations,
    CurrentLicense current,
    ProductCatalog catalog,
    IWhmcsDatabase whmcs,
    TimeProvider time,
    ILogger logger)
{
    public AuditedApi Api => api;

    public ILicenseLedger Ledger => ledger;

    public LicenseIssuer Issuer => issuer;

    public LicenseOperations Operations => operations;

    public CurrentLicense Current => current;

    public ProductCatalog Catalog => catalog;

    /// <summary>WHMCS's own tables (an "unavailable" view on the embedded ledger).</summary>
    public IWhmcsDatabase Whmcs => whmcs;

    public TimeProvider Time => time;

    public ILogger Logger => logger;

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Keeps a failure's sentence on the row for the admin's page; a success clears an old one, and only
    /// when there is one (no needless commit).
    /// </summary>
    public Task RecordLastErrorAsync(LicenseRecord row, OperationResult result) =>
        result.Ok && row.LastError is null
            ? Task.CompletedTask
            : ledger.SetLastErrorAsync(row.Id, result.Ok ? null : result.Sentence, Now, CancellationToken.None);
}
