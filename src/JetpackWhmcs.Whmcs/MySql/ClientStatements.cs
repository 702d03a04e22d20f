namespace JetpackWhmcs.Whmcs.MySql;

/// <summary>The SQL that reads WHMCS's clients and services for the admin licence list.</summary>
internal static class ClientStatements
{
    /// <summary>The tables both statements need.</summary>
    public static readonly string[] Tables = [WhmcsTables.Clients, WhmcsTables.Services];

    /// <summary>Services by id with their client (Dapper expands <c>@Ids</c>).</summary>
    public const string ServicesById =
        "SELECT CAST(h.id AS SIGNED) AS ServiceId, CAST(c.id AS SIGNED) AS ClientId, COALESCE(c.firstname, '') AS FirstName, COALESCE(c.lastname, '') AS LastName, " +
        "COALESCE(c.companyname, '') AS CompanyName, COALESCE(c.email, '') AS Email, COALESCE(h.domain, '') AS Domain, " +
        $"COALESCE(h.domainstatus, '') AS Status FROM {WhmcsTables.Services} h JOIN {WhmcsTables.Clients} c ON c.id = h.userid WHERE h.id IN @Ids";

    /// <summary>
    /// The clients whose e-mail starts with <c>@Prefix</c>: what a search holding "@" can only mean (no
    /// name holds one), answered from WHMCS's own <c>email</c> index alone.
    /// </summary>
    public const string ClientsByEmail =
        $"SELECT CAST(id AS SIGNED) FROM {WhmcsTables.Clients} WHERE email LIKE @Prefix ESCAPE '!' ORDER BY id LIMIT @Limit";

    /// <summary>
    /// The clients whose e-mail, first name, last name or company starts with <c>@Prefix</c> (a LIKE
    /// pattern), or whose first and last name start with <c>@First</c> and <c>@Last</c> ("jane do").
    /// WHMCS indexes only the e-mail and (first name, last name); last name alone and company have no
    /// index, so the server walks the clients by id and stops at the <c>@Limit</c>th match: a broad term
    /// is quick, a rare one reads the whole table (figures in benchmarks/RESULTS.md). A union with one
    /// branch per index was measured too: a rare name no quicker (the unindexed branch still scans), a
    /// broad one ten times slower (every branch gathers its matches before the limit).
    /// </summary>
    public const string ClientsByText =
        $"SELECT CAST(id AS SIGNED) FROM {WhmcsTables.Clients} WHERE email LIKE @Prefix ESCAPE '!' OR firstname LIKE @Prefix ESCAPE '!' " +
        "OR lastname LIKE @Prefix ESCAPE '!' OR companyname LIKE @Prefix ESCAPE '!' " +
        "OR (firstname LIKE @First ESCAPE '!' AND lastname LIKE @Last ESCAPE '!') ORDER BY id LIMIT @Limit";

    /// <summary>The services of the clients found (tblhosting.userid is indexed in WHMCS's schema).</summary>
    public const string ServicesOfClients =
        $"SELECT CAST(id AS SIGNED) FROM {WhmcsTables.Services} WHERE userid IN @ClientIds ORDER BY id LIMIT @Limit";
}
