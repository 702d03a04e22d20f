namespace JetpackWhmcs.Whmcs.Tokens;

/// <summary>The partner token one Jetpack product or addon in WHMCS is set up with.</summary>
/// <param name="Entity">A product or an addon.</param>
/// <param name="Id">Its WHMCS id (<c>tblproducts.id</c> or <c>tbladdons.id</c>).</param>
/// <param name="Token">The token, trimmed; never blank.</param>
public sealed record ModuleToken(ModuleEntity Entity, long Id, string Token)
{
    /// <summary>Names the product or addon only: a record's generated text would print the token into logs.</summary>
    public override string ToString() => $"{Entity} {Id}";
}
