using JetpackWhmcs.Whmcs.Tokens;

namespace JetpackWhmcs.Whmcs.Catalog;

/// <summary>
/// A WHMCS product or product addon to create for one Jetpack product, the way the original addon
/// module created them: hidden, type <c>other</c>, module <c>jetpack</c>; a product goes into the
/// Jetpack product group.
/// </summary>
/// <param name="Entity">Product or addon.</param>
/// <param name="Name">The WHMCS name.</param>
/// <param name="Description">The WHMCS description (the product family's).</param>
/// <param name="Settings">
/// Every module setting in order, <c>configoption1</c> first: the token, the product slug, show licence,
/// then ours with their defaults. At most 24 (WHMCS's product columns).
/// </param>
public sealed record NewJetpackProduct(ModuleEntity Entity, string Name, string Description, IReadOnlyList<ModuleSetting> Settings)
{
    /// <summary>Names the product only: the first setting is the partner token.</summary>
    public override string ToString() => $"{Entity} {Name}";
}
