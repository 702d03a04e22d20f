using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Provisioning.Issuance;

/// <summary>What to issue, for whom, into which slot.</summary>
internal sealed record IssueRequest(
    LicenseOwner Owner,
    string SlotKey,
    long OrderId,
    long ProductId,
    long? ParentServiceId,
    string ProductSlug,
    string Token,
    string TokenFingerprint);
