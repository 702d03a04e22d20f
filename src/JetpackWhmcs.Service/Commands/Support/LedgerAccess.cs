using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.Connections;
using JetpackWhmcs.Service.Cli;
using JetpackWhmcs.Service.Configuration;

namespace JetpackWhmcs.Service.Commands.Support;

/// <summary>Turns a ledger failure into a sentence that says what to check.</summary>
public static class LedgerAccess
{
    /// <summary>Runs a read and maps any database failure to one sentence.</summary>
    public static async Task<T> ReadAsync<T>(CommandScope scope, Func<ILicenseLedger, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return await read(scope.Ledger);
        }
        catch (Exception e) when (e is not OperationCanceledException and not CommandFailedException)
        {
            throw new CommandFailedException(
                $"The ledger in {LedgerConnectionString.Describe(scope.Options.ResolvedDatabase)} could not be read ({LedgerConnectionString.Scrub(e.Message.Split('\n')[0].TrimEnd('.'), scope.Options.ResolvedDatabase)}): check --database, and run `jetpack-whmcs migrate` if it was never migrated.",
                e);
        }
    }
}
