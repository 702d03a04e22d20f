namespace JetpackWhmcs.Whmcs.MySql;

/// <summary>A row of the product or addon listing (Dapper sets properties, converting unsigned ints and tinyint booleans).</summary>
internal sealed class CatalogRow
{
    public long Id { get; set; }

    public string? Name { get; set; }

    public string? Token { get; set; }

    public string? Slug { get; set; }

    public string? ShowLicense { get; set; }

    public bool Hidden { get; set; }

    public bool Retired { get; set; }
}
