namespace JetpackWhmcs.Whmcs.MySql;

/// <summary>The SQL that lists, creates and re-tokens the Jetpack products and addons in WHMCS's tables.</summary>
internal static class CatalogStatements
{
    public const string ProductGroups = "tblproductgroups";

    /// <summary>The addon module's own copy of the partner token (its <c>_config</c> field).</summary>
    public const string AddonTokenSetting = "api_token";

    /// <summary>The tables listing, creating and re-tokening need.</summary>
    public static readonly string[] Tables = [WhmcsTables.Products, WhmcsTables.Addons, WhmcsTables.ModuleConfiguration, ProductGroups, WhmcsTables.AddonModules];

    /// <summary>How many settings a product holds (<c>configoption1..24</c>).</summary>
    public const int SettingCount = 24;

    public static readonly string ListProducts =
        $"SELECT id AS Id, name AS Name, configoption1 AS Token, configoption2 AS Slug, configoption3 AS ShowLicense, hidden AS Hidden, retired AS Retired, " +
        string.Join(", ", Enumerable.Range(1, SettingCount).Select(i => $"configoption{i} AS O{i}")) +
        $" FROM {WhmcsTables.Products} WHERE servertype = @Module ORDER BY id";

    public const string AddonSettings =
        $"SELECT mc.entity_id AS Id, mc.setting_name AS Setting, mc.value AS Value FROM {WhmcsTables.ModuleConfiguration} mc " +
        $"JOIN {WhmcsTables.Addons} a ON a.id = mc.entity_id WHERE mc.entity_type = 'addon' AND a.module = @Module ORDER BY mc.id";

    public const string ListAddons =
        $"SELECT a.id AS Id, a.name AS Name, " +
        $"(SELECT mc.value FROM {WhmcsTables.ModuleConfiguration} mc WHERE mc.entity_type = 'addon' AND mc.entity_id = a.id AND mc.setting_name = 'configoption1' ORDER BY mc.id LIMIT 1) AS Token, " +
        $"(SELECT mc.value FROM {WhmcsTables.ModuleConfiguration} mc WHERE mc.entity_type = 'addon' AND mc.entity_id = a.id AND mc.setting_name = 'configoption2' ORDER BY mc.id LIMIT 1) AS Slug, " +
        $"(SELECT mc.value FROM {WhmcsTables.ModuleConfiguration} mc WHERE mc.entity_type = 'addon' AND mc.entity_id = a.id AND mc.setting_name = 'configoption3' ORDER BY mc.id LIMIT 1) AS ShowLicense, " +
        $"a.hidden AS Hidden, a.retired AS Retired FROM {WhmcsTables.Addons} a WHERE a.module = @Module ORDER BY a.id";

    // Two admins activating at once must not create two groups: a named lock per database around look-then-insert.
    public const string LockGroup = "SELECT GET_LOCK(CONCAT('jetpack_whmcs_product_group_', MD5(DATABASE())), 10)";

    public const string UnlockGroup = "SELECT RELEASE_LOCK(CONCAT('jetpack_whmcs_product_group_', MD5(DATABASE())))";

    public const string FindGroup = $"SELECT id FROM {ProductGroups} WHERE name = @Name ORDER BY id LIMIT 1";

    public const string InsertGroup =
        $"INSERT INTO {ProductGroups} (name, headline, tagline, hidden, `order`, created_at, updated_at) " +
        $"SELECT @Name, @Headline, '', 1, COALESCE(MAX(`order`), 0) + 1, NOW(), NOW() FROM {ProductGroups}; SELECT LAST_INSERT_ID()";

    // paytype and billingcycle 'free' until staff set prices, as a product WHMCS creates itself starts; naming
    // them keeps the insert valid when the server runs a strict sql_mode (WHMCS's text columns have no default).
    public const string InsertProductStart =
        $"INSERT INTO {WhmcsTables.Products} (gid, type, name, description, hidden, servertype, paytype, retired, created_at, updated_at";

    public const string InsertAddon =
        $"INSERT INTO {WhmcsTables.Addons} (packages, name, description, billingcycle, type, module, hidden, retired, created_at, updated_at) " +
        "VALUES ('', @Name, @Description, 'free', 'other', @Module, 1, 0, NOW(), NOW()); SELECT LAST_INSERT_ID()";

    public const string InsertAddonSetting =
        $"INSERT INTO {WhmcsTables.ModuleConfiguration} (entity_type, entity_id, setting_name, friendly_name, value, created_at, updated_at) " +
        "VALUES ('addon', @Id, @Setting, @FriendlyName, @Value, NOW(), NOW())";

    public const string RotateProducts =
        $"UPDATE {WhmcsTables.Products} SET configoption1 = @Token, updated_at = NOW() WHERE servertype = @Module";

    public const string RotateAddons =
        $"UPDATE {WhmcsTables.ModuleConfiguration} mc JOIN {WhmcsTables.Addons} a ON a.id = mc.entity_id SET mc.value = @Token, mc.updated_at = NOW() " +
        $"WHERE mc.entity_type = 'addon' AND mc.setting_name = 'configoption1' AND a.module = @Module";

    public const string RotateAddonModule =
        $"UPDATE {WhmcsTables.AddonModules} SET value = @Token WHERE module = @Module AND setting = '{AddonTokenSetting}'";

    public const string InsertAddonModuleToken =
        $"INSERT INTO {WhmcsTables.AddonModules} (module, setting, value) VALUES (@Module, '{AddonTokenSetting}', @Token)";
}
