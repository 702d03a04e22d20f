using System.Globalization;
using JetpackWhmcs.Benchmarks.Ledger;

namespace JetpackWhmcs.Benchmarks.Pages;

/// <summary>
/// WHMCS's client and service tables beside a filled ledger (MariaDB only: WHMCS runs on it): one service
/// per ledger service id (service rows use their row number, addon rows half of it), four services per
/// client, with the indexes WHMCS's schema declares (client name and e-mail, service user id). Filled
/// with MariaDB's sequence engine, so a million rows take one statement each.
/// </summary>
internal static class WhmcsClientsFiller
{
    public static long ClientsFor(long services) => Math.Max(1, services / 4);

    public static void Fill(BenchmarkDatabase database, long services)
    {
        var clients = ClientsFor(services).ToString(CultureInfo.InvariantCulture);
        var count = Math.Max(1, services).ToString(CultureInfo.InvariantCulture);
        using var connection = database.OpenConnection();
        // Generated integers and fixed words only.
        foreach (var sql in new[]
        {
            "CREATE TABLE tblclients (id int(10) NOT NULL AUTO_INCREMENT PRIMARY KEY, firstname text NOT NULL, lastname text NOT NULL, " +
            "companyname text NOT NULL, email text NOT NULL, status enum('Active','Inactive','Closed') NOT NULL DEFAULT 'Active', " +
            "KEY firstname_lastname (firstname(32), lastname(32)), KEY email (email(64)))",
            "CREATE TABLE tblhosting (id int(10) NOT NULL AUTO_INCREMENT PRIMARY KEY, userid int(10) NOT NULL, domain text NOT NULL, " +
            "domainstatus enum('Pending','Active','Suspended','Terminated','Cancelled','Fraud','Completed') NOT NULL DEFAULT 'Pending', KEY userid (userid))",
            $"INSERT INTO tblclients (id, firstname, lastname, companyname, email) SELECT seq, CONCAT('First', seq), CONCAT('Last', seq), " +
            $"IF(seq % 10 = 0, CONCAT('Company ', seq), ''), CONCAT('client', seq, '@example.com') FROM seq_1_to_{clients}",
            $"INSERT INTO tblhosting (id, userid, domain, domainstatus) SELECT seq, (seq % {clients}) + 1, CONCAT('site', seq, '.example.com'), 'Active' FROM seq_1_to_{count}",
            "ANALYZE TABLE tblclients, tblhosting",
        })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 600;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
            }
        }
    }
}
