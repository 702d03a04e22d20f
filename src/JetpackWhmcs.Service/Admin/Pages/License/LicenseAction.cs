namespace JetpackWhmcs.Service.Admin.Pages.License;

/// <summary>An action of the licence detail page and the module function that carries it out.</summary>
/// <param name="Name">The value of <c>action</c> in the query (confirmation) and the form (doing it).</param>
/// <param name="Function">The module function the engine runs.</param>
/// <param name="Label">The button's text.</param>
/// <param name="Question">The confirmation question.</param>
/// <param name="Done">What was done, for the success sentence.</param>
/// <param name="Dangerous">True when it ends or replaces a paid licence (a red button).</param>
/// <param name="NeedsSite">True when the admin gives a site (attach).</param>
public sealed record LicenseAction(string Name, string Function, string Label, string Question, string Done, bool Dangerous = false, bool NeedsSite = false)
{
    /// <summary>Every action, in button order.</summary>
    public static IReadOnlyList<LicenseAction> All { get; } =
    [
        new("attach", "AttachLicense", "Attach to a site", "Attach this licence to the site below?", "Attached the licence", NeedsSite: true),
        new("detach", "DetachLicense", "Detach", "Detach this licence from its site? The site loses the Jetpack product until it is attached again.", "Detached the licence"),
        new("refresh", "RefreshStatus", "Refresh from the API", "Read this licence's state from the Jetpack API and record it in the ledger?", "Refreshed the licence"),
        new("reissue", "ReissueLicense", "Reissue", "Replace this licence with a new one? The new licence is issued first, then this one is revoked; the partner is billed for the new one.", "Reissued the licence", Dangerous: true),
        new("revoke", "TerminateAccount", "Revoke", "Revoke this licence? The site loses the Jetpack product and the licence cannot be used again.", "Revoked the licence", Dangerous: true),
    ];

    /// <summary>The action named <paramref name="name"/>, or null.</summary>
    public static LicenseAction? Find(string? name) => All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));
}
