namespace JetpackWhmcs.Operator.Tokens;

/// <summary>
/// The partner tokens the service knows (configured, seen on module calls, WHMCS's Jetpack products and
/// addons), in memory only: the drift check reconciles each, a fix looks one up by fingerprint, and a
/// replaced token is remembered at once.
/// </summary>
public interface IPartnerTokens
{
    /// <summary>Every known token, WHMCS's re-read first when its tables are there.</summary>
    Task<IReadOnlyCollection<string>> GetAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Remembers a token (a new one just written to WHMCS).</summary>
    void Remember(string token);
}
