namespace JetpackWhmcs.Whmcs.MySql;

/// <summary>The SQL that reads WHMCS's admins, to tell whether the addon's Access Control lets one in.</summary>
internal static class AdminStatements
{
    /// <summary>The table the role read needs.</summary>
    public static readonly string[] Tables = [WhmcsTables.Admins];

    // Cast to BIGINT: WHMCS declares roleid int(1), and the answer is a long.
    public const string Role =
        $"SELECT CAST(roleid AS SIGNED) FROM {WhmcsTables.Admins} WHERE id = @Id";
}
