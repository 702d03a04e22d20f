namespace JetpackWhmcs.Ledger;

/// <summary>A migration cannot proceed without a person fixing the data; the message says what to do.</summary>
public sealed class LedgerMigrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LedgerMigrationException()
    {
    }

    /// <summary>Creates the exception with an actionable sentence.</summary>
    public LedgerMigrationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an actionable sentence and its cause.</summary>
    public LedgerMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
