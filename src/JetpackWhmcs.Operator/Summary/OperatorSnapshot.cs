namespace JetpackWhmcs.Operator.Summary;

/// <summary>The operator's figures for the dashboard widget; null means not measured yet.</summary>
/// <param name="DriftCount">Findings of the latest finished check.</param>
/// <param name="MonthlyCost">The partner's monthly cost from the stored prices and the billed licences.</param>
/// <param name="CostCurrency">The partner's currency.</param>
/// <param name="LastDailyCheck">When the last daily check finished (UTC).</param>
public sealed record OperatorSnapshot(long? DriftCount, decimal? MonthlyCost, string CostCurrency, DateTime? LastDailyCheck);
