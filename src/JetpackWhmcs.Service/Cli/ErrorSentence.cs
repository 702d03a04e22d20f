using JetpackWhmcs.Licensing;
using Microsoft.Extensions.Options;
using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Cli;

/// <summary>Maps any failure to the one sentence an operator sees (never a stack trace, never a secret).</summary>
public static class ErrorSentence
{
    /// <summary>The sentence for <paramref name="exception"/>.</summary>
    public static string For(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        // Whatever produced the sentence, a connection string's password never reaches the operator's screen.
        return Ledger.Connections.LedgerConnectionString.ScrubPasswords(Sentence(exception));
    }

    private static string Sentence(Exception exception)
    {
        return exception switch
        {
            CommandFailedException e => e.Message,
            OptionsValidationException e => Configuration.ConfigurationLoader.ConfigurationSentence(e.Failures),
            CommandParseException or CommandRuntimeException => exception.Message.TrimEnd('.') + ": see --help.",
            JetpackApiException e => ApiSentence(e),
            IOException e when e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
                => "The address is already in use: pick another port with --urls.",
            OperationCanceledException => "Cancelled.",
            Ledger.Identity.LedgerIdentityException e => e.Message,
            AggregateException { InnerException: { } inner } => Sentence(inner),
            _ => $"Failed: {exception.Message.TrimEnd('.')} ({exception.GetType().Name}).",
        };
    }

    /// <summary>A Jetpack API failure with its request id.</summary>
    public static string ApiSentence(JetpackApiException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        // The client's messages already name the request id; add it only where one does not.
        var id = e.RequestId is null || e.Message.Contains(e.RequestId, StringComparison.Ordinal) ? "" : $" (Jetpack request id {e.RequestId})";
        return $"The Jetpack Licensing API call failed: {e.Message.TrimEnd('.')}{id}.";
    }
}
