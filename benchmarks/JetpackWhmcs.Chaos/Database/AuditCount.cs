namespace JetpackWhmcs.Chaos.Database;

/// <summary>Rows of <c>jetpack_whmcs_audit</c> with one operation and outcome.</summary>
internal sealed record AuditCount(string Operation, string Outcome, long Rows);
