namespace JetpackWhmcs.Ledger.OperatorData;

/// <summary>The operator store's SQL; the two dialects differ only in how they ignore a duplicate and name the new id.</summary>
internal sealed class OperatorStatements(string insertIgnore, string lastInsertId)
{
    private const string P = OperatorSchema.PricesTable;
    private const string C = OperatorSchema.ChecksTable;

    private const string CheckColumns =
        "id AS Id, kind AS Kind, status AS Status, actor AS Actor, started_at AS StartedAt, updated_at AS UpdatedAt, finished_at AS FinishedAt, " +
        "progress_done AS ProgressDone, progress_total AS ProgressTotal, counts AS Counts, error AS Error, notified AS Notified";

    public static OperatorStatements MySql { get; } = new("INSERT IGNORE", "LAST_INSERT_ID()");

    public static OperatorStatements Sqlite { get; } = new("INSERT OR IGNORE", "last_insert_rowid()");

    public string InsertPrice { get; } =
        $"{insertIgnore} INTO {P} (day, token_fingerprint, product_slug, product_name, currency, amount_ten_thousandths, price_interval) " +
        "VALUES (@Day, @TokenFingerprint, @ProductSlug, @ProductName, @Currency, @Amount, @PriceInterval)";

    public string ListPrices { get; } =
        "SELECT day AS Day, token_fingerprint AS TokenFingerprint, product_slug AS ProductSlug, product_name AS ProductName, currency AS Currency, " +
        $"amount_ten_thousandths AS Amount, price_interval AS PriceInterval FROM {P} ORDER BY day, token_fingerprint, product_slug";

    public string AbandonStale { get; } =
        $"UPDATE {C} SET running = NULL, status = 'abandoned', finished_at = @Now, error = @Error WHERE running IS NOT NULL AND updated_at < @StaleBefore";

    public string InsertCheck { get; } =
        $"INSERT INTO {C} (kind, status, running, actor, started_at, updated_at, progress_done, progress_total, counts, findings, notified) " +
        $"VALUES (@Kind, 'running', 'running', @Actor, @Now, @Now, 0, 0, '{{}}', '[]', 0); SELECT {lastInsertId}";

    public string Progress { get; } =
        $"UPDATE {C} SET progress_done = @Done, progress_total = @Total, updated_at = @Now WHERE id = @Id AND status = 'running'";

    public string Finish { get; } =
        $"UPDATE {C} SET status = @Status, running = NULL, finished_at = @Now, updated_at = @Now, counts = @Counts, findings = @Findings, " +
        "error = @Error, notified = @Notified WHERE id = @Id AND status = 'running'";

    public string Get { get; } = $"SELECT {CheckColumns}, findings AS Findings FROM {C} WHERE id = @Id";

    public string List { get; } = $"SELECT {CheckColumns}, '[]' AS Findings FROM {C} ORDER BY id DESC LIMIT @Limit";

    public string Unnotified { get; } = $"SELECT id FROM {C} WHERE notified = 0 AND status IN ('finished', 'failed') ORDER BY id";

    // Compare-and-swap on the whole text: two admins fixing two findings of one check at once cannot
    // lose either mark (the loser reads again and retries).
    public string ReplaceFindings { get; } = $"UPDATE {C} SET findings = @Replacement WHERE id = @Id AND findings = @Expected";

    public string MarkNotified { get; } = $"UPDATE {C} SET notified = 1 WHERE id = @Id AND notified = 0";

    // Unassigned licences exist on the API and are billed like active ones. The empty slug stands for "unknown".
    public string CountBilled { get; } =
        $"SELECT COALESCE(product_slug, '') AS Slug, COUNT(*) AS Count FROM {LedgerSchema.LicensesTable} " +
        "WHERE state IN ('active', 'unassigned') OR (state IS NULL AND revoked_at IS NULL) GROUP BY COALESCE(product_slug, '')";
}
