using System.Diagnostics.CodeAnalysis;
using JetpackWhmcs.Ledger;

namespace JetpackWhmcs.Provisioning.Lifecycle;

/// <summary>
/// The outcome of <see cref="CurrentLicense.RequireActiveAsync"/>: the owner's active licence, or the
/// answer to give instead (bad input, in progress, no licence). Exactly one of the two is set.
/// </summary>
internal sealed class RequiredLicense
{
    private RequiredLicense(LicenseRecord? row, ModuleResult? stop)
    {
        Row = row;
        Stop = stop;
    }

    /// <summary>The active licence, when there is one.</summary>
    public LicenseRecord? Row { get; }

    /// <summary>The answer to give instead.</summary>
    public ModuleResult? Stop { get; }

    /// <summary>True when the function must answer <see cref="Stop"/> and do nothing else.</summary>
    [MemberNotNullWhen(true, nameof(Stop))]
    [MemberNotNullWhen(false, nameof(Row))]
    public bool Stopped => Stop is not null;

    public static RequiredLicense Found(LicenseRecord row) => new(row, null);

    public static RequiredLicense Answer(ModuleResult stop) => new(null, stop);
}
