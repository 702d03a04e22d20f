using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Service.LicenseActions;

/// <summary>One module function to run for one service's or addon's licence, as an operator asks for it.</summary>
public sealed record LicenseActionRequest
{
    /// <summary>The service or addon.</summary>
    public required LicenseOwner Owner { get; init; }

    /// <summary>The module function (<c>TerminateAccount</c>, <c>AttachLicense</c>, ...).</summary>
    public required string Function { get; init; }

    /// <summary>The product slug; default the licence's own.</summary>
    public string? ProductSlug { get; init; }

    /// <summary>A token the operator named: used as given.</summary>
    public string? Token { get; init; }

    /// <summary>
    /// A token to use when the registry knows none with the licence's fingerprint (the addon module's
    /// <c>api_token</c>): used only when its fingerprint is the licence's, or the licence has none.
    /// </summary>
    public string? FallbackToken { get; init; }

    /// <summary>For an addon: its parent service; default the ledger's.</summary>
    public long? ParentService { get; init; }

    /// <summary>The WHMCS order id; 0 takes the ledger's.</summary>
    public long OrderId { get; init; }

    /// <summary>The WHMCS product id; 0 takes the ledger's.</summary>
    public long Pid { get; init; }

    /// <summary>The site (the <c>domain</c> parameter: attach takes it); default the attached site.</summary>
    public string? Domain { get; init; }

    /// <summary>What to tell the operator when the ledger knows no product (the end of the sentence).</summary>
    public string NoProductAdvice { get; init; } = "say which product with --product (e.g. --product jetpack-backup-daily)";

    /// <summary>What to tell the operator when no token is known.</summary>
    public string NoTokenAdvice { get; init; } = "give it with --token (or configure Tokens)";

    /// <summary>What to tell the operator when an addon's parent service is unknown.</summary>
    public string NoParentAdvice { get; init; } = "give it with --parent-service";
}
