namespace JetpackWhmcs.Sandbox;

/// <summary>
/// The sandbox's product catalogue: every slug named in the API's OpenAPI document, grouped in
/// families, with partner prices. Ids and prices are plausible, not production figures.
/// </summary>
public static class SandboxCatalogue
{
    private const string Usd = "usd";
    private const string Month = "month";

    /// <summary>The families, in the order the API lists them.</summary>
    public static IReadOnlyList<SandboxProductFamily> Families { get; } =
    [
        new("Jetpack Packs", "jetpack-packs", "Bundles of Jetpack's security, performance and growth tools.",
        [
            new(2010, "Jetpack Security (Daily)", "jetpack-security-daily", Usd, 8.95m, Month),
            new(2012, "Jetpack Security (Real-time)", "jetpack-security-realtime", Usd, 24.95m, Month),
            new(2014, "Jetpack Complete", "jetpack-complete", Usd, 39.95m, Month),
        ]),
        new("Jetpack Backup", "jetpack-backup", "Real-time or daily cloud backups with one-click restores.",
        [
            new(2100, "Jetpack Backup (Daily)", "jetpack-backup-daily", Usd, 3.95m, Month),
            new(2102, "Jetpack Backup (Real-time)", "jetpack-backup-realtime", Usd, 19.95m, Month),
        ]),
        new("Jetpack Scan", "jetpack-scan", null,
        [
            new(2106, "Jetpack Scan", "jetpack-scan", Usd, 4.95m, Month),
        ]),
        new("Jetpack Anti-spam", "jetpack-anti-spam", "Automatic spam protection for comments and forms.",
        [
            new(2110, "Jetpack Anti-spam", "jetpack-anti-spam", Usd, 3.50m, Month),
        ]),
        new("WordPress.com Plans", "wpcom-plans", null,
        [
            new(1, "WordPress.com Free", "free", Usd, 0m, Month),
            new(1009, "WordPress.com Personal", "personal", Usd, 4.00m, Month),
            new(1003, "WordPress.com Premium", "premium", Usd, 8.00m, Month),
            new(1008, "WordPress.com Professional", "professional", Usd, 15.00m, Month),
        ]),
    ];

    private static readonly Dictionary<string, SandboxProduct> BySlug =
        Families.SelectMany(f => f.Products).ToDictionary(p => p.Slug, StringComparer.Ordinal);

    /// <summary>The product with that slug, or null when the catalogue has none.</summary>
    public static SandboxProduct? FindProduct(string slug) => BySlug.GetValueOrDefault(slug);
}
