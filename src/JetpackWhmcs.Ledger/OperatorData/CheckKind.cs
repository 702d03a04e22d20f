namespace JetpackWhmcs.Ledger.OperatorData;

/// <summary>What started a drift check.</summary>
public enum CheckKind
{
    /// <summary>WHMCS's daily cron (<c>DailyCronJob</c>); its findings are told to the admins.</summary>
    Daily,

    /// <summary>An admin on the Drift page.</summary>
    Manual,
}
