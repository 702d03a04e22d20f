namespace JetpackWhmcs.Whmcs.ClientArea;

/// <summary>A WHMCS service (<c>tblhosting</c>) as the client area needs it: whose it is, and its site.</summary>
/// <param name="ServiceId"><c>tblhosting.id</c>.</param>
/// <param name="UserId">The client it belongs to (<c>tblhosting.userid</c>).</param>
/// <param name="Domain">The domain the customer gave (may be empty).</param>
/// <param name="Status"><c>domainstatus</c>: Pending, Active, Suspended, Terminated, Cancelled, Fraud, Completed.</param>
public sealed record ClientService(long ServiceId, long UserId, string Domain, string Status);
