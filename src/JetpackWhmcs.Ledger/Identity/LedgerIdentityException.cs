namespace JetpackWhmcs.Ledger.Identity;

/// <summary>The ledger is not the one the data directory used before; the message says how to restore it.</summary>
public sealed class LedgerIdentityException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LedgerIdentityException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public LedgerIdentityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public LedgerIdentityException()
        : base("The ledger is not the one this data directory used before.")
    {
    }
}
