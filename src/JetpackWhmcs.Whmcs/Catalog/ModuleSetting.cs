namespace JetpackWhmcs.Whmcs.Catalog;

/// <summary>One module setting as WHMCS stores it for an addon (<c>tblmodule_configuration</c>) or in a product's <c>configoptionN</c>.</summary>
/// <param name="FriendlyName">The setting's label (the key of the module's ConfigOptions).</param>
/// <param name="Value">The stored value.</param>
public sealed record ModuleSetting(string FriendlyName, string Value)
{
    /// <summary>The label only: the first setting is the partner token.</summary>
    public override string ToString() => FriendlyName;
}
