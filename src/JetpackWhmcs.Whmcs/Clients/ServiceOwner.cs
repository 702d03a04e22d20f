namespace JetpackWhmcs.Whmcs.Clients;

/// <summary>A WHMCS service (<c>tblhosting</c>) and the client it belongs to (<c>tblclients</c>).</summary>
/// <param name="ServiceId">tblhosting.id.</param>
/// <param name="ClientId">tblclients.id (tblhosting.userid).</param>
/// <param name="FirstName">The client's first name.</param>
/// <param name="LastName">The client's last name.</param>
/// <param name="CompanyName">The client's company, or empty.</param>
/// <param name="Email">The client's e-mail address.</param>
/// <param name="Domain">The service's domain as the client gave it.</param>
/// <param name="Status">The service's status (Pending, Active, Suspended, Terminated, Cancelled, Fraud, Completed).</param>
public sealed record ServiceOwner(
    long ServiceId,
    long ClientId,
    string FirstName,
    string LastName,
    string CompanyName,
    string Email,
    string Domain,
    string Status)
{
    /// <summary>The client's name as staff read it: "first last", else the company, else the e-mail address.</summary>
    public string ClientName
    {
        get
        {
            var name = $"{FirstName} {LastName}".Trim();
            return name.Length > 0 ? name : CompanyName.Length > 0 ? CompanyName : Email;
        }
    }
}
