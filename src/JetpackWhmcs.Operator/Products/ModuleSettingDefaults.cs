using System.Text.Json.Nodes;
using JetpackWhmcs.Provisioning;
using JetpackWhmcs.Provisioning.Parameters;
using JetpackWhmcs.Whmcs.Catalog;

namespace JetpackWhmcs.Operator.Products;

/// <summary>
/// The module settings a new WHMCS product or addon gets, read from the engine's own ConfigOptions so
/// the names, order and defaults are the ones WHMCS shows: token, product, show licence off (as the
/// original wrote them), then ours with their defaults.
/// </summary>
public sealed class ModuleSettingDefaults(IModuleEngine engine)
{
    /// <summary>The settings for <paramref name="slug"/> issued with <paramref name="token"/>.</summary>
    public async Task<IReadOnlyList<ModuleSetting>> ForAsync(string token, string slug, CancellationToken cancellationToken = default)
    {
        var options = await engine.InvokeAsync("ConfigOptions", new ModuleParameters(), cancellationToken);
        var fields = options.Value as JsonObject ?? throw new InvalidOperationException("The engine's ConfigOptions is not an object.");
        return
        [
            .. fields.Select((field, position) => new ModuleSetting(field.Key, position switch
            {
                0 => token,
                1 => slug,
                2 => "off",
                _ => field.Value?["Default"]?.GetValue<string>() ?? "",
            })),
        ];
    }
}
