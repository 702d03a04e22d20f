namespace JetpackWhmcs.Whmcs.MySql;

/// <summary>The SQL that reads the Jetpack module's tokens from WHMCS's tables.</summary>
internal static class TokenStatements
{
    /// <summary>The tables both statements need.</summary>
    public static readonly string[] Tables = [WhmcsTables.Products, WhmcsTables.Addons, WhmcsTables.ModuleConfiguration];

    public const string Products =
        $"SELECT id AS Id, {WhmcsTables.TokenSetting} AS Token FROM {WhmcsTables.Products} " +
        $"WHERE servertype = @Module AND {WhmcsTables.TokenSetting} <> ''";

    public const string Addons =
        $"SELECT a.id AS Id, mc.value AS Token FROM {WhmcsTables.ModuleConfiguration} mc JOIN {WhmcsTables.Addons} a ON a.id = mc.entity_id " +
        $"WHERE mc.entity_type = 'addon' AND mc.setting_name = '{WhmcsTables.TokenSetting}' AND a.module = @Module AND mc.value <> ''";
}
