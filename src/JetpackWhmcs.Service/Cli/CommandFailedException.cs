namespace JetpackWhmcs.Service.Cli;

/// <summary>A command could not do its job; the message is the one sentence printed to the operator.</summary>
public sealed class CommandFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CommandFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public CommandFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public CommandFailedException()
        : base("The command failed.")
    {
    }
}
