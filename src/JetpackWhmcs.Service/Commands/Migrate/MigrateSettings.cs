using JetpackWhmcs.Service.Configuration;

namespace JetpackWhmcs.Service.Commands.Migrate;

/// <summary>Options of <c>jetpack-whmcs migrate</c> (the shared ones).</summary>
public sealed class MigrateSettings : ServiceSettings;
