namespace JetpackWhmcs.Sandbox.Api;

/// <summary>A licence with its precomputed sort date; ordered by date, then by licence id.</summary>
internal readonly record struct SortRow(long Date, SandboxLicense License)
{
    public int CompareTo(SortRow other)
    {
        var byDate = Date.CompareTo(other.Date);
        return byDate != 0 ? byDate : License.LicenseId.CompareTo(other.License.LicenseId);
    }
}
