using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;

namespace JetpackWhmcs.Service.Configuration;

/// <summary>
/// The settings every command shares, bound from the root of the configuration: appsettings.json,
/// environment variables prefixed <c>JETPACK_WHMCS_</c> (e.g. <c>JETPACK_WHMCS_DATABASE</c>,
/// <c>JETPACK_WHMCS_TOKENS__0</c>), then the command line.
/// </summary>
public sealed class JetpackWhmcsOptions
{
    /// <summary>The default data directory, relative to the working directory.</summary>
    public const string DefaultDataDir = "./.jetpack-whmcs";

    /// <summary>Where the SQLite ledger (by default) and the generated bridge secret live.</summary>
    public string DataDir { get; set; } = DefaultDataDir;

    /// <summary>A SQLite file path, or a MySQL/MariaDB connection string; null means <c>&lt;DataDir&gt;/ledger.db</c>.</summary>
    public string? Database { get; set; }

    /// <summary>The Jetpack Licensing API base URL (production by default).</summary>
    public string ApiUrl { get; set; } = JetpackLicensingOptions.ProductionBaseUrl;

    /// <summary>How long one API attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one API call may take, retries included.</summary>
    public TimeSpan OverallTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>Partner tokens known up front (recovery, reconcile, doctor). Never stored in our tables.</summary>
    public List<string> Tokens { get; set; } = [];

    /// <summary>The bridge secret as 64 hex characters; null means read or create <c>&lt;DataDir&gt;/bridge-secret</c>.</summary>
    public string? BridgeSecret { get; set; }

    /// <summary>How far a signed request's timestamp may be from our clock.</summary>
    public TimeSpan SignatureMaxAge { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>How often the background recovery of pending claims runs (zero turns it off).</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How old a pending claim must be before recovery touches it (a live call may still be working on it).</summary>
    public TimeSpan RecoveryGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Accept a ledger that the data directory shows is not the one it used before (emptied, truncated,
    /// replaced): <c>--accept-new-ledger</c> of <c>migrate</c> and <c>serve</c>, for a ledger meant to start over.
    /// </summary>
    public bool AcceptNewLedger { get; set; }

    /// <summary>The database actually used: <see cref="Database"/> or the SQLite file in the data directory.</summary>
    public string ResolvedDatabase => string.IsNullOrWhiteSpace(Database) ? Path.Combine(DataDir, "ledger.db") : Database;

    /// <summary>True when <see cref="ResolvedDatabase"/> is a MySQL/MariaDB connection string rather than a file path.</summary>
    public bool UsesMySql => LedgerFactory.DetectProvider(ResolvedDatabase) == LedgerProvider.MySql;

    /// <summary>The file holding the generated bridge secret.</summary>
    public string BridgeSecretPath => Path.Combine(DataDir, "bridge-secret");

    /// <summary>The API base URL as the client wants it (ending with a slash).</summary>
    public Uri ApiBaseUri => new(ApiUrl.EndsWith('/') ? ApiUrl : ApiUrl + "/");
}
