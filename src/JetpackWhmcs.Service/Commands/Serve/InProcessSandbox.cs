using System.Security.Cryptography;
using JetpackWhmcs.Sandbox;

namespace JetpackWhmcs.Service.Commands.Serve;

/// <summary>How <c>serve --sandbox</c> configures the sandbox it runs in its own process.</summary>
public static class InProcessSandbox
{
    /// <summary>The options for <paramref name="settings"/>.</summary>
    public static SandboxOptions Options(ServeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new SandboxOptions
        {
            Tokens = [settings.SandboxToken],
            ControlEnabled = settings.SandboxControl,
            // The sandbox forgets its licences when it stops but the ledger keeps them: with a fixed seed a
            // restart would hand out the same keys again, which the ledger refuses as duplicates.
            Seed = settings.SandboxSeed ?? RandomNumberGenerator.GetInt32(1, int.MaxValue),
            // Nobody reads this sandbox's request log (tests start their own sandbox), and in a long run it
            // would hold up to SandboxRequestLog.Capacity requests, about 40 MB.
            RecordRequests = false,
        };
    }
}
