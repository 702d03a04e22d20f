using JetpackWhmcs.Operator.Tokens;

namespace JetpackWhmcs.Benchmarks.DailyCheck;

/// <summary>The one partner token of the benchmark, as the service's registry would hold it.</summary>
internal sealed class BenchTokens(string token) : IPartnerTokens
{
    public Task<IReadOnlyCollection<string>> GetAllAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyCollection<string>>([token]);

    public void Remember(string token)
    {
    }
}
