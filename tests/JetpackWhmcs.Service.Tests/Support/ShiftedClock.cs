namespace JetpackWhmcs.Service.Tests.Support;

/// <summary>
/// The system clock moved by a fixed amount (timers still run in real time): a sandbox on it issues
/// licences "minutes ago", older than the claim lease, which reconcile may revoke when asked.
/// </summary>
public sealed class ShiftedClock(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
}
