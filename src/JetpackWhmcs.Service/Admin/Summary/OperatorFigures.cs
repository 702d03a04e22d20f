namespace JetpackWhmcs.Service.Admin.Summary;

/// <summary>What the dashboard widget shows; null means "not measured yet".</summary>
/// <param name="ActiveLicenses">Active licences in the ledger.</param>
/// <param name="PendingLicenses">Pending claims in the ledger.</param>
/// <param name="DriftCount">Findings of the latest drift check.</param>
/// <param name="MonthlyCost">The partner's monthly cost, already formatted with its currency.</param>
/// <param name="LastDailyCheck">When the last daily check finished (UTC).</param>
public sealed record OperatorFigures(
    long? ActiveLicenses,
    long? PendingLicenses,
    long? DriftCount,
    string? MonthlyCost,
    DateTimeOffset? LastDailyCheck);
