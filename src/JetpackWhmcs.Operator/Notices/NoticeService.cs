using JetpackWhmcs.Ledger.OperatorData;

namespace JetpackWhmcs.Operator.Notices;

/// <summary>Hands out the notices of finished daily checks, each once, across every service instance (the ledger's notified flag).</summary>
public sealed class NoticeService(IOperatorStore store)
{
    /// <summary>The notices the admins have not been given yet; after this call they are given.</summary>
    public async Task<IReadOnlyList<Notice>> TakeAsync(CancellationToken cancellationToken = default) =>
        [.. (await store.TakeUnnotifiedAsync(cancellationToken)).Select(NoticeWriter.For)];
}
