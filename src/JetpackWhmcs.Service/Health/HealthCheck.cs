namespace JetpackWhmcs.Service.Health;

/// <summary>One check of <c>/healthz</c> and <c>doctor</c>.</summary>
/// <param name="Name">What was checked.</param>
/// <param name="Ok">Whether it passed.</param>
/// <param name="Detail">What was found, or what to fix.</param>
/// <param name="ElapsedMs">How long the check took.</param>
public sealed record HealthCheck(string Name, bool Ok, string Detail, long ElapsedMs);
