namespace JetpackWhmcs.Ledger.OperatorData;

/// <summary>One drift check (a daily check or a run an admin started), as the ledger keeps it.</summary>
public sealed record CheckRecord
{
    /// <summary>Its id.</summary>
    public long Id { get; init; }

    /// <summary>Daily or manual.</summary>
    public CheckKind Kind { get; init; }

    /// <summary>Where it is.</summary>
    public CheckStatus Status { get; init; }

    /// <summary>Who started it (<c>admin 3 (alice)</c>, <c>cron</c>).</summary>
    public string Actor { get; init; } = "";

    /// <summary>When it started (UTC).</summary>
    public DateTime StartedAt { get; init; }

    /// <summary>When it last reported progress (UTC).</summary>
    public DateTime UpdatedAt { get; init; }

    /// <summary>When it finished (UTC), while running null.</summary>
    public DateTime? FinishedAt { get; init; }

    /// <summary>Steps done (tokens reconciled, WHMCS reads made).</summary>
    public int ProgressDone { get; init; }

    /// <summary>Steps in all.</summary>
    public int ProgressTotal { get; init; }

    /// <summary>Counts per finding kind, as JSON (the operator's format); "{}" while running.</summary>
    public string CountsJson { get; init; } = "{}";

    /// <summary>The findings, as JSON (the operator's format); "[]" while running. Not read by listings.</summary>
    public string FindingsJson { get; init; } = "[]";

    /// <summary>The error sentence of a failed run.</summary>
    public string? Error { get; init; }

    /// <summary>Whether its findings have been handed out as a notice.</summary>
    public bool Notified { get; init; }
}
