namespace JetpackWhmcs.Whmcs.Catalog;

/// <summary>The hidden WHMCS product group the Jetpack products go into.</summary>
/// <param name="Id"><c>tblproductgroups.id</c>.</param>
/// <param name="Created">True when this call created it; false when it was there already.</param>
public sealed record ProductGroup(long Id, bool Created)
{
    /// <summary>Its name, as the original addon module created it.</summary>
    public const string Name = "Jetpack";

    /// <summary>Its headline, as the original addon module created it.</summary>
    public const string Headline = "Jetpack Products";
}
