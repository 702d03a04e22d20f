using Dapper;
using JetpackWhmcs.Whmcs.Catalog;
using JetpackWhmcs.Whmcs.Tokens;
using MySqlConnector;

namespace JetpackWhmcs.Whmcs.MySql;

/// <summary>Lists, creates and re-tokens the Jetpack products and addons on an open connection.</summary>
internal static class CatalogQueries
{
    private static readonly object Module = new { Module = WhmcsTables.ModuleName };

    public static async Task<IReadOnlyList<JetpackCatalogItem>> ListAsync(MySqlConnection connection, CancellationToken ct)
    {
        var products = await connection.QueryAsync(new CommandDefinition(CatalogStatements.ListProducts, Module, cancellationToken: ct));
        var addons = await connection.QueryAsync<CatalogRow>(new CommandDefinition(CatalogStatements.ListAddons, Module, cancellationToken: ct));
        var addonSettings = (await connection.QueryAsync<(long Id, string Setting, string? Value)>(new CommandDefinition(CatalogStatements.AddonSettings, Module, cancellationToken: ct)))
            .ToLookup(s => s.Id);
        return
        [
            .. products.Cast<IDictionary<string, object?>>().Select(ProductItem),
            .. addons.Select(r => Item(ModuleEntity.Addon, r) with { Settings = Settings(addonSettings[r.Id].Select(s => (s.Setting, s.Value))) }),
        ];
    }

    public static async Task<ProductGroup> EnsureGroupAsync(MySqlConnection connection, CancellationToken ct)
    {
        if (await connection.ExecuteScalarAsync<long?>(new CommandDefinition(CatalogStatements.LockGroup, cancellationToken: ct)) != 1)
        {
            throw new TimeoutException("Another request has been creating the Jetpack product group for 10 seconds; try again in a minute.");
        }

        try
        {
            var names = new { ProductGroup.Name, ProductGroup.Headline };
            var existing = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(CatalogStatements.FindGroup, names, cancellationToken: ct));
            return existing is { } id
                ? new ProductGroup(id, false)
                : new ProductGroup(await connection.ExecuteScalarAsync<long>(new CommandDefinition(CatalogStatements.InsertGroup, names, cancellationToken: ct)), true);
        }
        finally
        {
            await connection.ExecuteScalarAsync<long?>(new CommandDefinition(CatalogStatements.UnlockGroup, cancellationToken: CancellationToken.None));
        }
    }

    public static async Task<long> CreateAsync(MySqlConnection connection, NewJetpackProduct product, CancellationToken ct)
    {
        // The group is made (and committed) first: an empty hidden group is what activation makes anyway.
        var groupId = product.Entity == ModuleEntity.Product ? (await EnsureGroupAsync(connection, ct)).Id : 0;
        await using var transaction = await connection.BeginTransactionAsync(ct);
        long id;
        if (product.Entity == ModuleEntity.Product)
        {
            var columns = string.Concat(product.Settings.Select((_, i) => $", configoption{i + 1}"));
            var values = string.Concat(product.Settings.Select((_, i) => $", @O{i + 1}"));
            var parameters = new DynamicParameters(new { Gid = groupId, product.Name, product.Description, Module = WhmcsTables.ModuleName });
            for (var i = 0; i < product.Settings.Count; i++)
            {
                parameters.Add($"O{i + 1}", product.Settings[i].Value);
            }

            var sql = $"{CatalogStatements.InsertProductStart}{columns}) VALUES (@Gid, 'other', @Name, @Description, 1, @Module, 'free', 0, NOW(), NOW(){values}); SELECT LAST_INSERT_ID()";
            id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, parameters, transaction, cancellationToken: ct));
        }
        else
        {
            id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                CatalogStatements.InsertAddon, new { product.Name, product.Description, Module = WhmcsTables.ModuleName }, transaction, cancellationToken: ct));
            for (var i = 0; i < product.Settings.Count; i++)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    CatalogStatements.InsertAddonSetting,
                    new { Id = id, Setting = $"configoption{i + 1}", product.Settings[i].FriendlyName, product.Settings[i].Value },
                    transaction,
                    cancellationToken: ct));
            }
        }

        await transaction.CommitAsync(ct);
        return id;
    }

    public static async Task<TokenRotation> ReplaceTokenAsync(MySqlConnection connection, string token, CancellationToken ct)
    {
        var parameters = new { Token = token, Module = WhmcsTables.ModuleName };
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var products = await connection.ExecuteAsync(new CommandDefinition(CatalogStatements.RotateProducts, parameters, transaction, cancellationToken: ct));
        var addons = await connection.ExecuteAsync(new CommandDefinition(CatalogStatements.RotateAddons, parameters, transaction, cancellationToken: ct));
        var setting = await connection.ExecuteAsync(new CommandDefinition(CatalogStatements.RotateAddonModule, parameters, transaction, cancellationToken: ct));
        if (setting == 0)
        {
            // The addon module's setting has never been saved: write it, so a later addon page finds the new token.
            await connection.ExecuteAsync(new CommandDefinition(CatalogStatements.InsertAddonModuleToken, parameters, transaction, cancellationToken: ct));
        }

        // Rolled back by the disposal when anything above threw: all of it or none.
        await transaction.CommitAsync(ct);
        return new TokenRotation(products, addons, true);
    }

    private static JetpackCatalogItem ProductItem(IDictionary<string, object?> row)
    {
        var item = new CatalogRow
        {
            Id = Convert.ToInt64(row["Id"], System.Globalization.CultureInfo.InvariantCulture),
            Name = row["Name"] as string,
            Token = row["Token"] as string,
            Slug = row["Slug"] as string,
            ShowLicense = row["ShowLicense"] as string,
            Hidden = Convert.ToBoolean(row["Hidden"], System.Globalization.CultureInfo.InvariantCulture),
            Retired = Convert.ToBoolean(row["Retired"], System.Globalization.CultureInfo.InvariantCulture),
        };
        return Item(ModuleEntity.Product, item) with
        {
            Settings = Settings(Enumerable.Range(1, CatalogStatements.SettingCount).Select(i => ($"configoption{i}", row[$"O{i}"] as string))),
        };
    }

    // Settings by name (configoptionN) into positions; a setting never saved is "".
    private static string[] Settings(IEnumerable<(string Name, string? Value)> settings)
    {
        var values = Enumerable.Repeat("", CatalogStatements.SettingCount).ToArray();
        foreach (var (name, value) in settings)
        {
            if (name.StartsWith("configoption", StringComparison.Ordinal)
                && int.TryParse(name.AsSpan("configoption".Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var position)
                && position is >= 1 and <= CatalogStatements.SettingCount)
            {
                values[position - 1] = value?.Trim() ?? "";
            }
        }

        return values;
    }

    private static JetpackCatalogItem Item(ModuleEntity entity, CatalogRow row) =>
        new(entity, row.Id, row.Name ?? "", row.Slug?.Trim() ?? "", row.Token?.Trim() ?? "", row.ShowLicense?.Trim() ?? "", row.Hidden, row.Retired);
}
