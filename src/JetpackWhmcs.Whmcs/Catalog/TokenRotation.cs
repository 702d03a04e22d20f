namespace JetpackWhmcs.Whmcs.Catalog;

/// <summary>What a token replacement changed, all in one transaction.</summary>
/// <param name="Products">Jetpack products whose <c>configoption1</c> now holds the new token.</param>
/// <param name="Addons">Jetpack addons whose <c>configoption1</c> setting now holds it.</param>
/// <param name="AddonModuleSetting">Whether the addon module's <c>api_token</c> setting was written.</param>
public sealed record TokenRotation(int Products, int Addons, bool AddonModuleSetting);
