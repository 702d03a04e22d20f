namespace JetpackWhmcs.Ledger.Sql;

/// <summary>An instance row as the driver returns it (times as objects, see <see cref="LicenseRow"/>).</summary>
internal sealed class InstanceRow
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public object? StartedAt { get; set; }

    public object? StoppedAt { get; set; }

    public InstanceRecord ToRecord() => new(
        Id,
        Name,
        DbValues.ReadTime(StartedAt) ?? DateTime.MinValue,
        DbValues.ReadTime(StoppedAt));
}
