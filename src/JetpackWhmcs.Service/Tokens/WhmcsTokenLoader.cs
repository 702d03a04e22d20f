using JetpackWhmcs.Whmcs;

namespace JetpackWhmcs.Service.Tokens;

/// <summary>
/// Adds the partner tokens of WHMCS's own Jetpack products and addons to the registry, so background
/// work (recovery, reconcile) knows them without a token option. On the embedded SQLite ledger there
/// are none to add, and that is no failure.
/// </summary>
public sealed class WhmcsTokenLoader(IWhmcsDatabase whmcs, TokenRegistry tokens)
{
    /// <summary>Reads and remembers the tokens; returns whether WHMCS's tables were there.</summary>
    public async Task<WhmcsAvailability> LoadAsync(CancellationToken cancellationToken = default)
    {
        var answer = await whmcs.ReadJetpackTokensAsync(cancellationToken);
        foreach (var token in answer.Value)
        {
            tokens.Remember(token.Token);
        }

        return answer.Availability;
    }
}
