namespace JetpackWhmcs.Ledger.OperatorData;

/// <summary>How a check ended.</summary>
/// <param name="Status"><see cref="CheckStatus.Finished"/> or <see cref="CheckStatus.Failed"/>.</param>
/// <param name="CountsJson">Counts per finding kind.</param>
/// <param name="FindingsJson">The findings.</param>
/// <param name="Error">The error sentence when it failed.</param>
/// <param name="NeedsNotice">Whether the admins are to be told (a daily check that found something or failed); otherwise it is stored as told.</param>
public sealed record CheckOutcome(CheckStatus Status, string CountsJson, string FindingsJson, string? Error, bool NeedsNotice);
