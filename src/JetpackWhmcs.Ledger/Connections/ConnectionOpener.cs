using System.Data.Common;

namespace JetpackWhmcs.Ledger.Connections;

/// <summary>
/// Opens a connection and prepares its session, handing it to the caller only once both succeeded: a
/// connection that failed to open or to prepare is disposed here, so a pooled slot is never leaked by
/// an exception between the two steps.
/// </summary>
public static class ConnectionOpener
{
    /// <param name="connection">A new, closed connection; the caller owns it once it is returned.</param>
    /// <param name="prepare">Session settings run right after opening (time zone, busy timeout); null for none.</param>
    /// <param name="cancellationToken">Cancels the opening and the preparation.</param>
    public static async Task<TConnection> OpenAsync<TConnection>(TConnection connection, Func<TConnection, CancellationToken, Task>? prepare, CancellationToken cancellationToken)
        where TConnection : DbConnection
    {
        ArgumentNullException.ThrowIfNull(connection);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (prepare is not null)
            {
                await prepare(connection, cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
