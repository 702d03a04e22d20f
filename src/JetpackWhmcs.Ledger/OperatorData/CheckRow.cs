namespace JetpackWhmcs.Ledger.OperatorData;

/// <summary>A row of the checks table as both drivers return it (times as DateTime or text).</summary>
internal sealed class CheckRow
{
    public long Id { get; set; }

    public string Kind { get; set; } = "";

    public string Status { get; set; } = "";

    public string Actor { get; set; } = "";

    public object? StartedAt { get; set; }

    public object? UpdatedAt { get; set; }

    public object? FinishedAt { get; set; }

    public int ProgressDone { get; set; }

    public int ProgressTotal { get; set; }

    public string Counts { get; set; } = "{}";

    public string Findings { get; set; } = "[]";

    public string? Error { get; set; }

    public long Notified { get; set; }
}
