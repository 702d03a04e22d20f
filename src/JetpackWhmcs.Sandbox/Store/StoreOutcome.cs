using JetpackWhmcs.Sandbox.Api;

namespace JetpackWhmcs.Sandbox.Store;

/// <summary>What a lifecycle operation did: the licence after it, or the rule it broke.</summary>
internal readonly record struct StoreOutcome(SandboxLicense? License, ApiError? Error)
{
    public static implicit operator StoreOutcome(SandboxLicense license) => new(license, null);

    public static implicit operator StoreOutcome(ApiError error) => new(null, error);
}
