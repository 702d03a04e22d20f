namespace JetpackWhmcs.Provisioning;

/// <summary>Settings of the provisioning engine and its recovery.</summary>
public sealed class ModuleEngineOptions
{
    /// <summary>
    /// How old a pending claim must be before another call may take it over and recover it. Must exceed
    /// the licensing client's overall timeout (default 45 s) plus a margin, so that a claim is never taken
    /// from a call whose API request may still be in flight. Default 2 minutes.
    /// </summary>
    public TimeSpan ClaimStaleAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Recovery adopts licences issued from this long before a claim's time (clock differences between
    /// us and Jetpack). Default 5 minutes.
    /// </summary>
    public TimeSpan RecoveryIssuedBeforeMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many pages of the licence list recovery reads at most. Default 3.</summary>
    public int RecoveryMaxPages { get; set; } = 3;

    /// <summary>The page size recovery asks for. Default 100.</summary>
    public int RecoveryPageSize { get; set; } = 100;

    /// <summary>How long the product catalogue (names for the client area) is cached. Default 1 hour.</summary>
    public TimeSpan ProductCatalogCacheFor { get; set; } = TimeSpan.FromHours(1);
}
