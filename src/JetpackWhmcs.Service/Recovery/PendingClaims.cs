namespace JetpackWhmcs.Service.Recovery;

/// <summary>One recovery round over the pending claims, with the tokens the registry knows.</summary>
public static class PendingClaims
{
    /// <summary>Runs one round; returns how many claims were resolved.</summary>
    public static Task<int> RecoverAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        // TEMPORARY until the engine's recovery service lands.
        Task.FromResult(0);
}
