using JetpackWhmcs.Operator.Tokens;

namespace JetpackWhmcs.Service.Tokens;

/// <summary>
/// The operator's view of the tokens this process knows: WHMCS's Jetpack products and addons are read
/// again first (a token set on a product since the start counts), then every token in the registry.
/// </summary>
public sealed class RegistryPartnerTokens(TokenRegistry registry, WhmcsTokenLoader loader) : IPartnerTokens
{
    /// <inheritdoc />
    public async Task<IReadOnlyCollection<string>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        await loader.LoadAsync(cancellationToken);
        return registry.All;
    }

    /// <inheritdoc />
    public void Remember(string token) => registry.Remember(token);
}
