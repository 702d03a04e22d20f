namespace JetpackWhmcs.Chaos.Driving;

/// <summary>One WHMCS module call of a script, with the product setting WHMCS sends at that point.</summary>
internal sealed record Step(string Function, string Product);

/// <summary>
/// What WHMCS does to one service over its life, in order: Create, then some of AttachLicense,
/// Suspend/Unsuspend, ChangePackage (the product setting changes from then on) and Terminate.
/// </summary>
internal sealed record ServiceScript(int ServiceId, int OrderId, string Domain, string SuspensionPolicy, IReadOnlyList<Step> Steps)
{
    /// <summary>True when the script ends the service.</summary>
    public bool Terminates => Steps.Count > 0 && Steps[^1].Function == "TerminateAccount";

    /// <summary>The product the service's licence is for at the end.</summary>
    public string FinalProduct => Steps[^1].Product;
}
