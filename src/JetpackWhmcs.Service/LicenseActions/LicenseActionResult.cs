using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Service.LicenseActions;

/// <summary>How a licence action went.</summary>
/// <param name="Succeeded">True when the engine answered success.</param>
/// <param name="Message">The engine's sentence without its final full stop on failure, "success" otherwise.</param>
/// <param name="RequestId">The last Jetpack request id involved, if any.</param>
/// <param name="MessageNamesRequestId">True when <paramref name="Message"/> already names the request id.</param>
/// <param name="After">The owner's rows after the call, newest first.</param>
public sealed record LicenseActionResult(bool Succeeded, string Message, string? RequestId, bool MessageNamesRequestId, IReadOnlyList<LicenseRecord> After)
{
    /// <summary>"Jetpack request id X" or "no Jetpack request id".</summary>
    public string RequestIdText => RequestId is null ? "no Jetpack request id" : $"Jetpack request id {RequestId}";

    /// <summary>The failure's message with the request id named once.</summary>
    public string MessageWithRequestId => MessageNamesRequestId ? Message : $"{Message} ({RequestIdText})";
}
