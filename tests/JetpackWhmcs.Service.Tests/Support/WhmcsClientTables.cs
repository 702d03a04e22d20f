using JetpackWhmcs.Whmcs.Tests;
using MySqlConnector;

namespace JetpackWhmcs.Service.Tests.Support;

/// <summary>WHMCS's client and service tables, as the WHMCS suite's schema fixture restates them.</summary>
public static class WhmcsClientTables
{
    public static async Task CreateAsync(TestMariaDb database)
    {
        await database.ExecuteAsync(WhmcsSchema.Clients);
        await database.ExecuteAsync(WhmcsSchema.Services);
    }

    public static async Task AddAsync(TestMariaDb database, long clientId, string firstName, string lastName, string email, long serviceId, string domain)
    {
        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var client = new MySqlCommand("INSERT IGNORE INTO tblclients (id, firstname, lastname, companyname, email) VALUES (@c, @f, @l, '', @e)", connection);
        client.Parameters.AddWithValue("@c", clientId);
        client.Parameters.AddWithValue("@f", firstName);
        client.Parameters.AddWithValue("@l", lastName);
        client.Parameters.AddWithValue("@e", email);
        await client.ExecuteNonQueryAsync();
        var service = new MySqlCommand("INSERT INTO tblhosting (id, userid, domain, domainstatus) VALUES (@s, @c, @d, 'Active')", connection);
        service.Parameters.AddWithValue("@s", serviceId);
        service.Parameters.AddWithValue("@c", clientId);
        service.Parameters.AddWithValue("@d", domain);
        await service.ExecuteNonQueryAsync();
    }
}
