namespace JetpackWhmcs.Provisioning.Parameters;

/// <summary>
/// The module settings by meaning. Positions 1-3 are the original module's and never move; ours are
/// appended after them (WHMCS passes settings by position).
/// </summary>
public sealed class ModuleSettings(IReadOnlyList<string> options)
{
    /// <summary><c>configoption1</c>: the partner API token.</summary>
    public string Token => Option(1);

    /// <summary><c>configoption2</c>: the Jetpack product slug.</summary>
    public string ProductSlug => Option(2);

    /// <summary><c>configoption3</c>: whether the client area shows the licence.</summary>
    public bool ShowLicense => YesNo.IsYes(Option(3));

    /// <summary><c>configoption4</c>: what a suspension does to the licence (default: keep it attached).</summary>
    public SuspensionPolicy SuspensionPolicy =>
        string.Equals(Option(4), "detach", StringComparison.OrdinalIgnoreCase) ? SuspensionPolicy.Detach : SuspensionPolicy.Keep;

    /// <summary><c>configoption5</c>: attach the new licence to the service's domain on create.</summary>
    public bool AttachOnCreate => YesNo.IsYes(Option(5));

    /// <summary><c>configoption6</c>: whether Jetpack e-mails the site owner when a licence is detached.</summary>
    public bool DetachEmailsSiteOwner => YesNo.IsYes(Option(6));

    private string Option(int position) => position <= options.Count ? options[position - 1] ?? "" : "";
}
