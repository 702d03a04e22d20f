using System.Globalization;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Whmcs.Services;

namespace JetpackWhmcs.Operator.Drift;

/// <summary>Turns what WHMCS's tables reveal into findings.</summary>
internal static class WhmcsFindings
{
    public static DriftFinding Ended(EndedServiceLicense ended) => new()
    {
        Id = $"ended:{ended.Service.Owner.SlotKey}:{ended.LicenseRowId.ToString(CultureInfo.InvariantCulture)}",
        Kind = FindingKind.EndedServiceWithLicense,
        TokenFingerprint = ended.TokenFingerprint,
        LicenseKey = ended.LicenseKey,
        LicenseRowId = ended.LicenseRowId,
        Owner = ended.Service.Owner.SlotKey,
        ServiceId = ended.Service.ServiceId,
        AddonId = ended.Service.Owner.Kind == OwnerKind.Addon ? ended.Service.Owner.Id : null,
        ClientId = ended.Service.ClientId,
        WhmcsStatus = ended.Service.Status,
        Detail = $"{Name(ended.Service)} is {ended.Service.Status} in WHMCS, but its licence {ended.LicenseKey} is still active and billed.",
    };

    public static DriftFinding WithoutLicense(JetpackService service) => new()
    {
        Id = $"without:{service.Owner.SlotKey}",
        Kind = FindingKind.ActiveServiceWithoutLicense,
        Owner = service.Owner.SlotKey,
        ServiceId = service.ServiceId,
        AddonId = service.Owner.Kind == OwnerKind.Addon ? service.Owner.Id : null,
        ClientId = service.ClientId,
        WhmcsStatus = service.Status,
        Detail = $"{Name(service)} is Active in WHMCS but holds no Jetpack licence: the customer pays for nothing.",
    };

    private static string Name(JetpackService service) => service.Owner.Kind == OwnerKind.Addon
        ? $"Addon {service.Owner.Id.ToString(CultureInfo.InvariantCulture)} on service {service.ServiceId.ToString(CultureInfo.InvariantCulture)}"
        : $"Service {service.ServiceId.ToString(CultureInfo.InvariantCulture)}";
}
