namespace JetpackWhmcs.Sandbox.Control;

/// <summary>
/// A change on a customer's WordPress site, from the control API: <c>{"site": "...", "connected": false}</c>
/// marks it as not connected to Jetpack; <c>{"site": "...", "token": "...", "key": "..."}</c> is the site
/// owner pasting the key into Jetpack, which connects the site and attaches the licence.
/// </summary>
internal sealed record SiteChange(string? Site, bool? Connected, string? Token, string? Key);
