namespace JetpackWhmcs.Service.Health;

/// <summary>The ledger's database answered a read but refused a write; the inner exception says why.</summary>
public sealed class LedgerNotWritableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LedgerNotWritableException(Exception innerException)
        : base("The licence ledger cannot be written.", innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public LedgerNotWritableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public LedgerNotWritableException()
        : base("The licence ledger cannot be written.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public LedgerNotWritableException(string message)
        : base(message)
    {
    }
}
