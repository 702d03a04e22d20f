namespace JetpackWhmcs.Chaos;

/// <summary>The run itself could not be made (a process did not start, the database is unreachable): exit code 2, not a failed check.</summary>
public sealed class ChaosSetupException : Exception
{
    public ChaosSetupException(string message)
        : base(message)
    {
    }

    public ChaosSetupException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ChaosSetupException()
    {
    }
}
