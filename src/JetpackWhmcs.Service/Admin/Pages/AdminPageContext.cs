using JetpackWhmcs.Service.Admin.Rendering;

namespace JetpackWhmcs.Service.Admin.Pages;

/// <summary>
/// Everything a page component gets about the request: who asks, how, with which parameters, the
/// CSRF value for its forms and where links point. The same for a page inside WHMCS and standalone.
/// </summary>
public sealed class AdminPageContext
{
    /// <summary>The setting of the addon module that holds the partner token (used, never shown).</summary>
    public const string ApiTokenSetting = "api_token";

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The admin asking; the actor of every change the page makes.</summary>
    public required AdminUser Admin { get; init; }

    /// <summary>True for a posted form whose CSRF token was checked (by WHMCS, or by the standalone session).</summary>
    public bool IsPost { get; init; }

    /// <summary>The page name (the registry's key).</summary>
    public required string PageName { get; init; }

    /// <summary>The query parameters.</summary>
    public IReadOnlyDictionary<string, string> Query { get; init; } = Empty;

    /// <summary>The posted form fields (empty for a GET), without the CSRF token.</summary>
    public IReadOnlyDictionary<string, string> Form { get; init; } = Empty;

    /// <summary>The value of the hidden <c>token</c> field every rendered form carries.</summary>
    public string Csrf { get; init; } = "";

    /// <summary>Where links and forms point.</summary>
    public required AdminLinks Links { get; init; }

    /// <summary>The addon's saved settings (inside WHMCS); never rendered.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = Empty;

    /// <summary>The partner token of the addon's settings, if one is saved.</summary>
    public string? SettingsToken =>
        Settings.TryGetValue(ApiTokenSetting, out var token) && !string.IsNullOrWhiteSpace(token) ? token.Trim() : null;

    /// <summary>A query parameter, or null when absent or blank.</summary>
    public string? QueryValue(string key) => Query.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>A posted field, or null when absent or blank (always null on a GET).</summary>
    public string? FormValue(string key) => IsPost && Form.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
