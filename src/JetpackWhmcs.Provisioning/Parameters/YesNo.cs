namespace JetpackWhmcs.Provisioning.Parameters;

/// <summary>WHMCS's yes/no setting values: undocumented, in practice <c>on</c> or empty.</summary>
public static class YesNo
{
    /// <summary>True for any non-empty value other than <c>0</c>, <c>off</c>, <c>no</c> (case-insensitive).</summary>
    public static bool IsYes(string? value)
    {
        var text = value?.Trim() ?? "";
        return text.Length > 0
            && text != "0"
            && !text.Equals("off", StringComparison.OrdinalIgnoreCase)
            && !text.Equals("no", StringComparison.OrdinalIgnoreCase)
            && !text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }
}
