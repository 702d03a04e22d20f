using JetpackWhmcs.Provisioning.Recovery;
using JetpackWhmcs.Service.Tokens;

namespace JetpackWhmcs.Service.Recovery;

/// <summary>One recovery round over the stale pending claims, with the tokens the registry knows.</summary>
public static class PendingClaims
{
    /// <summary>Runs one round and returns what it did.</summary>
    public static Task<RecoveryReport> RecoverAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var tokens = services.GetRequiredService<TokenRegistry>().All;
        return services.GetRequiredService<RecoveryService>().RecoverPendingAsync(TokenResolvers.FromTokens(tokens), cancellationToken);
    }
}
