namespace JetpackWhmcs.Ledger.Sql;

/// <summary>An audit row as the driver returns it (see <see cref="LicenseRow"/> for why the time is an object).</summary>
internal sealed class AuditRow
{
    public long Id { get; set; }

    public object? At { get; set; }

    public string Operation { get; set; } = "";

    public string? Owner { get; set; }

    public long? LicenseRowId { get; set; }

    public string? LicenseKey { get; set; }

    public int? Attempt { get; set; }

    public string Outcome { get; set; } = "";

    public int? HttpStatus { get; set; }

    public string? ErrorCode { get; set; }

    public string? Message { get; set; }

    public string? RequestId { get; set; }

    public int DurationMs { get; set; }

    public string? Actor { get; set; }

    public AuditEntry ToEntry() => new()
    {
        Id = Id,
        At = DbValues.ReadTime(At) ?? DateTime.MinValue,
        Operation = Operation,
        Owner = Owner,
        LicenseRowId = LicenseRowId,
        LicenseKey = LicenseKey,
        Attempt = Attempt,
        Outcome = Outcome,
        HttpStatus = HttpStatus,
        ErrorCode = ErrorCode,
        Message = Message,
        RequestId = RequestId,
        DurationMs = DurationMs,
        Actor = Actor,
    };
}
