using JetpackWhmcs.Operator.Tokens;

namespace JetpackWhmcs.Operator.Tests;

/// <summary>The tokens the service would know: a fixed list that remembers what it is told.</summary>
public sealed class FixedTokens(params string[] tokens) : IPartnerTokens
{
    private readonly List<string> known = [.. tokens];

    public IReadOnlyList<string> Remembered => known;

    public Task<IReadOnlyCollection<string>> GetAllAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyCollection<string>>([.. known]);

    public void Remember(string token)
    {
        if (!known.Contains(token))
        {
            known.Add(token);
        }
    }
}
