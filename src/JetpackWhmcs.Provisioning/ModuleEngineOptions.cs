namespace JetpackWhmcs.Provisioning;

/// <summary>Settings of the provisioning engine and its recovery.</summary>
public sealed class ModuleEngineOptions
{
    /// <summary>
    /// How old a pending claim must be before another call may take it over and recover it. Must exceed
    /// <see cref="LeaseBound"/>, so that a claim is never taken from a holder that may still send or be
    /// answered its paid call. Default 2 minutes.
    /// </summary>
    public TimeSpan ClaimStaleAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The licensing client's overall deadline for one call, retries included (its <c>OverallTimeout</c>).
    /// The engine also enforces it around every paid call, so the lease holds whatever the client's
    /// settings. Default 45 seconds.
    /// </summary>
    public TimeSpan ApiCallTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>
    /// Added to <see cref="ApiCallTimeout"/> to bound how long a claim holder may act on its claim: it
    /// covers the few ledger reads between the last check of the claim and the paid call (at most
    /// <see cref="PreCallBudget"/>), and the time the API may still take to carry out a request the
    /// holder sent just before its deadline. Default 15 seconds.
    /// </summary>
    public TimeSpan ClaimLeaseMargin { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The longest time allowed between the last check of a claim and the start of its paid call; past
    /// it the claim is checked again (compare-and-swap) first. Default 5 seconds; must stay below
    /// <see cref="ClaimLeaseMargin"/>.
    /// </summary>
    public TimeSpan PreCallBudget { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long after its holder is known to have stopped (a clean stop, or a restart of the same
    /// instance) a claim may be recovered: the time the API may take to finish a request the holder sent
    /// just before it died. Default 5 seconds.
    /// </summary>
    public TimeSpan DeadHolderDrain { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The longest time from a holder's last check of its claim to the last moment its paid call may
    /// still be carried out by the API: <see cref="ApiCallTimeout"/> plus <see cref="ClaimLeaseMargin"/>.
    /// </summary>
    public TimeSpan LeaseBound => ApiCallTimeout + ClaimLeaseMargin;

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

    /// <summary>The sentences that say what is wrong with these settings (empty when they are valid).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (ApiCallTimeout <= TimeSpan.Zero || ClaimLeaseMargin <= TimeSpan.Zero || DeadHolderDrain <= TimeSpan.Zero)
        {
            problems.Add("the API call timeout, the claim lease margin and the dead-holder drain must be positive");
        }

        if (PreCallBudget <= TimeSpan.Zero || PreCallBudget >= ClaimLeaseMargin)
        {
            problems.Add($"the pre-call budget ({PreCallBudget}) must be positive and below the claim lease margin ({ClaimLeaseMargin})");
        }

        if (ClaimStaleAfter <= LeaseBound)
        {
            problems.Add(
                $"RecoveryGrace ({ClaimStaleAfter}) must exceed the claim lease bound ({LeaseBound}: the API call timeout {ApiCallTimeout} " +
                $"plus {ClaimLeaseMargin}), or a claim could be taken over while its paid call may still be carried out; raise RecoveryGrace or lower OverallTimeout");
        }

        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming every problem of <see cref="Problems"/>.</summary>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The engine settings are not safe: " + string.Join("; ", problems) + ".");
        }
    }
}
