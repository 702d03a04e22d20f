namespace JetpackWhmcs.Ledger.OperatorData;

/// <summary>Where a drift check is.</summary>
public enum CheckStatus
{
    /// <summary>Running; its progress is updated as it goes.</summary>
    Running,

    /// <summary>Finished; its counts and findings are stored.</summary>
    Finished,

    /// <summary>Stopped by an error; <see cref="CheckRecord.Error"/> says which.</summary>
    Failed,

    /// <summary>Its process stopped reporting progress (it died); a new run replaced it.</summary>
    Abandoned,
}
