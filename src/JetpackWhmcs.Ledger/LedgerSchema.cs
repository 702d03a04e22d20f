namespace JetpackWhmcs.Ledger;

/// <summary>
/// Table, column and index names of the ledger, for code that reads the tables directly (tests,
/// operator tools, the PHP bridge's documentation). The SQL itself lives in the dialect classes.
/// </summary>
public static class LedgerSchema
{
    /// <summary>The original module's licence table, adopted with its rows.</summary>
    public const string LicensesTable = "jetpack_product_licenses";

    /// <summary>The audit table: one row per API call and its outcome.</summary>
    public const string AuditTable = "jetpack_whmcs_audit";

    /// <summary>The service instances (one row per process start), whose claims can be known dead.</summary>
    public const string InstancesTable = "jetpack_whmcs_instances";

    /// <summary>The nonces of accepted bridge calls, shared by every service instance on the database.</summary>
    public const string NoncesTable = "jetpack_whmcs_bridge_nonces";

    /// <summary>The versions of our migrations that have been applied.</summary>
    public const string MigrationsTable = "jetpack_whmcs_migrations";

    /// <summary>The prefix of the placeholder key a pending row holds until the API answers.</summary>
    public const string PendingKeyPrefix = "pending:";

    /// <summary>The highest migration version this build knows.</summary>
    public const int LatestMigrationVersion = 8;

    /// <summary>Column names of <see cref="LicensesTable"/>: the original ones first, then ours.</summary>
    public static class Columns
    {
        /// <summary>Original: primary key.</summary>
        public const string Id = "id";

        /// <summary>Original: WHMCS order id.</summary>
        public const string OrderId = "order_id";

        /// <summary>Original: WHMCS product id.</summary>
        public const string ProductId = "product_id";

        /// <summary>Original: the licence key.</summary>
        public const string LicenseKey = "license_key";

        /// <summary>Original: issue time.</summary>
        public const string IssuedAt = "issued_at";

        /// <summary>Original: revocation time, NULL while not revoked.</summary>
        public const string RevokedAt = "revoked_at";

        /// <summary>Ours: WHMCS service id (the parent service for an addon).</summary>
        public const string ServiceId = "service_id";

        /// <summary>Ours: WHMCS addon id.</summary>
        public const string AddonId = "addon_id";

        /// <summary>Ours: <c>pending</c>, <c>active</c>, <c>revoked</c>, <c>unassigned</c>; NULL on legacy rows.</summary>
        public const string State = "state";

        /// <summary>Ours: the uniquely indexed owner slot while pending or active.</summary>
        public const string ActiveOwner = "active_owner";

        /// <summary>Ours: Jetpack product slug.</summary>
        public const string ProductSlug = "product_slug";

        /// <summary>Ours: Jetpack licence id.</summary>
        public const string JetpackLicenseId = "jetpack_license_id";

        /// <summary>Ours: fingerprint of the partner token.</summary>
        public const string TokenFingerprint = "token_fingerprint";

        /// <summary>Ours: the claim working on the row.</summary>
        public const string ClaimId = "claim_id";

        /// <summary>Ours: when the claim was made or taken over.</summary>
        public const string ClaimedAt = "claimed_at";

        /// <summary>Ours: the service instance (incarnation) holding the claim.</summary>
        public const string ClaimHolder = "claim_holder";

        /// <summary>Ours: attached site.</summary>
        public const string AttachedSite = "attached_site";

        /// <summary>Ours: attach time.</summary>
        public const string AttachedAt = "attached_at";

        /// <summary>Ours: the site a suspension detached the licence from.</summary>
        public const string SuspendedSite = "suspended_site";

        /// <summary>Ours: last error sentence.</summary>
        public const string LastError = "last_error";

        /// <summary>Ours: last change of our columns.</summary>
        public const string UpdatedAt = "updated_at";
    }

    /// <summary>Index names (Laravel-style, as the original's schema builder would name them).</summary>
    public static class Indexes
    {
        /// <summary>Unique: at most one pending-or-active row per owner slot.</summary>
        public const string ActiveOwnerUnique = "jetpack_product_licenses_active_owner_unique";

        /// <summary>Unique: at most one row per licence key.</summary>
        public const string LicenseKeyUnique = "jetpack_product_licenses_license_key_unique";

        /// <summary>Lookup by service.</summary>
        public const string ServiceId = "jetpack_product_licenses_service_id_index";

        /// <summary>Lookup by addon.</summary>
        public const string AddonId = "jetpack_product_licenses_addon_id_index";

        /// <summary>Lookup of legacy rows by (order, product).</summary>
        public const string OrderProduct = "jetpack_product_licenses_order_id_product_id_index";

        /// <summary>Recovery: pending rows by claim time.</summary>
        public const string StateClaimedAt = "jetpack_product_licenses_state_claimed_at_index";

        /// <summary>Admin licence list: rows of one state in id order (keyset paging).</summary>
        public const string StateId = "jetpack_product_licenses_state_id_index";

        /// <summary>Admin licence list: rows of one product in id order.</summary>
        public const string ProductSlugId = "jetpack_product_licenses_product_slug_id_index";

        /// <summary>Admin licence list: rows of one token in id order.</summary>
        public const string TokenFingerprintId = "jetpack_product_licenses_token_fingerprint_id_index";

        /// <summary>Admin licence list: search by the start of the attached site.</summary>
        public const string AttachedSite = "jetpack_product_licenses_attached_site_index";

        /// <summary>Instances by name (a restart marks the earlier incarnations of its name stopped).</summary>
        public const string InstanceName = "jetpack_whmcs_instances_name_index";

        /// <summary>Audit by owner.</summary>
        public const string AuditOwner = "jetpack_whmcs_audit_owner_index";

        /// <summary>Audit by licence key.</summary>
        public const string AuditLicenseKey = "jetpack_whmcs_audit_license_key_index";
    }

    /// <summary>Maximum lengths of our string columns (longer identifiers are refused, messages truncated).</summary>
    public static class Lengths
    {
        /// <summary><c>license_key</c> (original varchar(255)).</summary>
        public const int LicenseKey = 255;

        /// <summary><c>active_owner</c>.</summary>
        public const int ActiveOwner = 64;

        /// <summary>The audit's <c>actor</c> (<c>admin 3 (alice)</c>).</summary>
        public const int Actor = 100;

        /// <summary><c>product_slug</c>.</summary>
        public const int ProductSlug = 100;

        /// <summary><c>token_fingerprint</c>.</summary>
        public const int TokenFingerprint = 128;

        /// <summary><c>claim_id</c>.</summary>
        public const int ClaimId = 64;

        /// <summary><c>attached_site</c>, <c>suspended_site</c>.</summary>
        public const int Site = 255;

        /// <summary><c>last_error</c> and audit messages are truncated to this many characters.</summary>
        public const int Message = 2000;
    }
}
