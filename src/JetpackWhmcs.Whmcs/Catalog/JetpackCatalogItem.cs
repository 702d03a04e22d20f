using JetpackWhmcs.Whmcs.Tokens;

namespace JetpackWhmcs.Whmcs.Catalog;

/// <summary>A WHMCS product or product addon that uses the Jetpack module, with its module settings.</summary>
/// <param name="Entity">A product (<c>tblproducts</c>) or an addon (<c>tbladdons</c>).</param>
/// <param name="Id">Its WHMCS id.</param>
/// <param name="Name">Its name in WHMCS.</param>
/// <param name="ProductSlug"><c>configoption2</c>: the Jetpack product a licence is issued for ("" when unset).</param>
/// <param name="Token"><c>configoption1</c>, trimmed ("" when unset). Never shown: callers show its fingerprint.</param>
/// <param name="ShowLicense"><c>configoption3</c> as stored (<c>on</c>, <c>off</c>, ...).</param>
/// <param name="Hidden">Hidden from the order form.</param>
/// <param name="Retired">Retired in WHMCS.</param>
public sealed record JetpackCatalogItem(ModuleEntity Entity, long Id, string Name, string ProductSlug, string Token, string ShowLicense, bool Hidden, bool Retired)
{
    /// <summary>
    /// Every module setting as stored, <c>configoption1</c> first (the token, the product, show licence,
    /// then ours), "" for one never saved: what a module call for one of its services carries.
    /// </summary>
    public IReadOnlyList<string> Settings { get; init; } = [];

    /// <summary>Names the product or addon only: a record's generated text would print the token into logs.</summary>
    public override string ToString() => $"{Entity} {Id} ({ProductSlug})";
}
