using System.Runtime.InteropServices;

namespace JetpackWhmcs.Service.Cli;

/// <summary>
/// Turns Ctrl+C (SIGINT) and SIGTERM (systemd's stop) into a cancellation every command honours, so
/// `serve` drains calls in flight and `sandbox` stops. A second signal is left to the runtime, which
/// ends the process at once: the way out when a graceful stop hangs.
/// </summary>
public sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly PosixSignalRegistration[] registrations;

    /// <summary>Starts listening for the signals.</summary>
    public StopSignals() =>
        registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => stop.Token;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        stop.Cancel();
    }
}
