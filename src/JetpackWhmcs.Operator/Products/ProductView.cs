using JetpackWhmcs.Whmcs.Tokens;

namespace JetpackWhmcs.Operator.Products;

/// <summary>A WHMCS product or addon that uses the Jetpack module, as the Products page shows it (the token as its fingerprint only).</summary>
/// <param name="Entity">Product or addon.</param>
/// <param name="Id">Its WHMCS id.</param>
/// <param name="Name">Its WHMCS name.</param>
/// <param name="ProductSlug">The Jetpack product it issues ("" when unset).</param>
/// <param name="ProductName">That product's name in Jetpack's catalogue, or the slug.</param>
/// <param name="TokenFingerprint">The fingerprint of its partner token ("" when none is set).</param>
/// <param name="ShowLicense">Whether the client area shows the licence.</param>
/// <param name="Hidden">Hidden from the order form.</param>
/// <param name="Retired">Retired in WHMCS.</param>
public sealed record ProductView(ModuleEntity Entity, long Id, string Name, string ProductSlug, string ProductName, string TokenFingerprint, bool ShowLicense, bool Hidden, bool Retired);
