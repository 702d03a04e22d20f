namespace JetpackWhmcs.Sandbox;

/// <summary>A product of the sandbox catalogue, with its partner price.</summary>
/// <param name="ProductId">The product id.</param>
/// <param name="Name">Display name, e.g. <c>Jetpack Backup (Daily)</c>.</param>
/// <param name="Slug">The slug used to issue it, e.g. <c>jetpack-backup-daily</c>.</param>
/// <param name="Currency">Price currency, e.g. <c>usd</c>.</param>
/// <param name="Amount">Partner price per interval.</param>
/// <param name="PriceInterval"><c>month</c> or <c>day</c>.</param>
public sealed record SandboxProduct(long ProductId, string Name, string Slug, string Currency, decimal Amount, string PriceInterval);
