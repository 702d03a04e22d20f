namespace JetpackWhmcs.Service.LicenseActions;

/// <summary>The action cannot be prepared (no product, no token, no parent service known): one sentence saying what to give.</summary>
public sealed class LicenseActionRefusedException : Exception
{
    /// <summary>Creates the exception with its sentence.</summary>
    public LicenseActionRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public LicenseActionRefusedException()
    {
    }

    /// <summary>Creates the exception with its sentence and cause.</summary>
    public LicenseActionRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
