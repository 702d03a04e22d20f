namespace JetpackWhmcs.Ledger;

/// <summary>
/// What a licence belongs to: a WHMCS service (tblhosting.id) or a product addon
/// (tblhostingaddons.id). Never the (order, product) pair, which collides.
/// </summary>
public sealed record LicenseOwner(OwnerKind Kind, long Id)
{
    /// <summary>A service owner.</summary>
    public static LicenseOwner Service(long serviceId) => new(OwnerKind.Service, serviceId);

    /// <summary>An addon owner.</summary>
    public static LicenseOwner Addon(long addonId) => new(OwnerKind.Addon, addonId);

    /// <summary>
    /// The value stored in the uniquely indexed <c>active_owner</c> column while the row is pending or
    /// active: <c>service:12</c> or <c>addon:7</c>. A successor being prepared by ChangePackage or
    /// reissue uses <see cref="SuccessorSlotKey"/> so that both can exist until the swap.
    /// </summary>
    public string SlotKey => Kind == OwnerKind.Service ? $"service:{Id}" : $"addon:{Id}";

    /// <summary>The slot of a successor licence (ChangePackage, reissue) before it replaces the current one.</summary>
    public string SuccessorSlotKey => SlotKey + "#next";

    /// <inheritdoc />
    public override string ToString() => SlotKey;
}

/// <summary>The kind of WHMCS object a licence belongs to.</summary>
public enum OwnerKind
{
    /// <summary>A WHMCS service (a product).</summary>
    Service,

    /// <summary>A WHMCS product addon.</summary>
    Addon,
}
