namespace JetpackWhmcs.Whmcs.Tokens;

/// <summary>What in WHMCS carries a module setting.</summary>
public enum ModuleEntity
{
    /// <summary>A product (<c>tblproducts</c>).</summary>
    Product,

    /// <summary>A product addon (<c>tbladdons</c>, settings in <c>tblmodule_configuration</c>).</summary>
    Addon,
}
