namespace JetpackWhmcs.Whmcs.ClientArea;

/// <summary>A product addon on a service (<c>tblhostingaddons</c>): which service it hangs on.</summary>
/// <param name="AddonId"><c>tblhostingaddons.id</c> (WHMCS's <c>addonId</c> parameter).</param>
/// <param name="ServiceId">The parent service (<c>hostingid</c>).</param>
/// <param name="Status">Pending, Active, Suspended, Terminated, ...</param>
public sealed record ClientAddon(long AddonId, long ServiceId, string Status);
