using System.Data.Common;
using System.Globalization;
using Dapper;
using JetpackWhmcs.Ledger.Connections;
using JetpackWhmcs.Ledger.Sql;

namespace JetpackWhmcs.Ledger.OperatorData;

/// <summary>The operator store on either database: its statements, a connection factory and the dialect's unique-violation test.</summary>
internal sealed class SqlOperatorStore(OperatorStatements sql, Func<DbConnection> connect, Func<DbException, bool> isUniqueViolation) : IOperatorStore
{
    private const decimal AmountScale = 10_000m;
    private const string AbandonedSentence =
        "This check stopped reporting progress (its service process stopped); start a new one.";

    public async Task<int> RecordPricesAsync(IReadOnlyCollection<PartnerPrice> prices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prices);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = 0;
        foreach (var price in prices)
        {
            added += await connection.ExecuteAsync(new CommandDefinition(sql.InsertPrice, new
            {
                Day = price.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                TokenFingerprint = DbValues.Checked(price.TokenFingerprint, LedgerSchema.Lengths.TokenFingerprint, nameof(prices)),
                ProductSlug = DbValues.Checked(price.ProductSlug, LedgerSchema.Lengths.ProductSlug, nameof(prices)),
                ProductName = DbValues.Truncate(price.ProductName, 255),
                Currency = DbValues.Checked(price.Currency, 8, nameof(prices)),
                Amount = decimal.ToInt64(decimal.Round(price.Amount * AmountScale, MidpointRounding.AwayFromZero)),
                PriceInterval = DbValues.Checked(price.Interval, 16, nameof(prices)),
            }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<IReadOnlyList<PartnerPrice>> ListPricesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PriceRow>(new CommandDefinition(sql.ListPrices, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new PartnerPrice(
            DateOnly.ParseExact(r.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.TokenFingerprint, r.ProductSlug, r.ProductName, r.Currency, r.Amount / AmountScale, r.PriceInterval))];
    }

    public async Task<CheckRecord?> TryStartCheckAsync(CheckKind kind, string actor, DateTime now, DateTime staleBefore, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(actor);
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql.AbandonStale, new { Now = DbValues.WriteTime(now), StaleBefore = DbValues.WriteTime(staleBefore), Error = AbandonedSentence }, cancellationToken: cancellationToken));
        try
        {
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                sql.InsertCheck, new { Kind = Name(kind), Actor = DbValues.Truncate(actor, 255), Now = DbValues.WriteTime(now) }, cancellationToken: cancellationToken));
            return await GetAsync(connection, id, cancellationToken);
        }
        catch (DbException exception) when (isUniqueViolation(exception))
        {
            // The unique `running` column: another check is running, here or in another instance.
            return null;
        }
    }

    public async Task ReportProgressAsync(long id, int done, int total, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            sql.Progress, new { Id = id, Done = done, Total = total, Now = DbValues.WriteTime(now) }, cancellationToken: cancellationToken));
    }

    public async Task<bool> ReplaceFindingsAsync(long id, string expected, string replacement, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql.ReplaceFindings, new { Id = id, Expected = expected, Replacement = replacement }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> FinishCheckAsync(long id, CheckOutcome outcome, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Status is not (CheckStatus.Finished or CheckStatus.Failed))
        {
            throw new ArgumentException("A check ends finished or failed.", nameof(outcome));
        }

        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql.Finish, new
        {
            Id = id,
            Status = Name(outcome.Status),
            Now = DbValues.WriteTime(now),
            Counts = outcome.CountsJson,
            Findings = outcome.FindingsJson,
            Error = DbValues.Truncate(outcome.Error, LedgerSchema.Lengths.Message),
            Notified = outcome.NeedsNotice ? 0 : 1,
        }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<CheckRecord?> GetCheckAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await GetAsync(connection, id, cancellationToken);
    }

    public async Task<IReadOnlyList<CheckRecord>> ListChecksAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CheckRow>(new CommandDefinition(sql.List, new { Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(Record)];
    }

    public async Task<IReadOnlyList<CheckRecord>> TakeUnnotifiedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var taken = new List<CheckRecord>();
        foreach (var id in await connection.QueryAsync<long>(new CommandDefinition(sql.Unnotified, cancellationToken: cancellationToken)))
        {
            if (await connection.ExecuteAsync(new CommandDefinition(sql.MarkNotified, new { Id = id }, cancellationToken: cancellationToken)) == 1
                && await GetAsync(connection, id, cancellationToken) is { } check)
            {
                taken.Add(check);
            }
        }

        return taken;
    }

    public async Task<IReadOnlyDictionary<string, long>> CountBilledLicensesByProductAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Slug, long Count)>(new CommandDefinition(sql.CountBilled, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Slug, r => r.Count, StringComparer.Ordinal);
    }

    private async Task<CheckRecord?> GetAsync(DbConnection connection, long id, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<CheckRow>(new CommandDefinition(sql.Get, new { Id = id }, cancellationToken: ct));
        return row is null ? null : Record(row);
    }

    private static CheckRecord Record(CheckRow row) => new()
    {
        Id = row.Id,
        Kind = Enum.Parse<CheckKind>(row.Kind, ignoreCase: true),
        Status = Enum.Parse<CheckStatus>(row.Status, ignoreCase: true),
        Actor = row.Actor,
        StartedAt = DbValues.ReadTime(row.StartedAt) ?? DateTime.MinValue,
        UpdatedAt = DbValues.ReadTime(row.UpdatedAt) ?? DateTime.MinValue,
        FinishedAt = DbValues.ReadTime(row.FinishedAt),
        ProgressDone = row.ProgressDone,
        ProgressTotal = row.ProgressTotal,
        CountsJson = row.Counts,
        FindingsJson = row.Findings,
        Error = row.Error,
        Notified = row.Notified != 0,
    };

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => ConnectionOpener.OpenAsync(connect(), null, cancellationToken);
}
