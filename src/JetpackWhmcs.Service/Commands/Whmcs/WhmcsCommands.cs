using Spectre.Console.Cli;

namespace JetpackWhmcs.Service.Commands.Whmcs;

/// <summary>Registers the <c>whmcs</c> branch: installing the bridge and reading WHMCS's database settings.</summary>
public static class WhmcsCommands
{
    /// <summary>Adds <c>whmcs install</c> and <c>whmcs database</c> to the command table.</summary>
    public static IConfigurator AddWhmcsCommands(this IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddBranch<CommandSettings>("whmcs", whmcs =>
        {
            whmcs.SetDescription("Install the PHP bridge (module `jetpack`) into WHMCS, and read WHMCS's database settings.");
            whmcs.AddCommand<WhmcsInstallCommand>("install")
                .WithDescription("Copy the module into <whmcs-root>/modules/servers/jetpack/ and write its config.php (service URL, bridge secret).")
                .WithExample("whmcs", "install", "--whmcs-root", "/var/www/whmcs", "--service-url", "http://127.0.0.1:8787");
            whmcs.AddCommand<WhmcsDatabaseCommand>("database")
                .WithDescription("Print the MySQL connection string of WHMCS's own database, for --database (it contains the password).")
                .WithExample("whmcs", "database", "--whmcs-root", "/var/www/whmcs");
        });
        return config;
    }
}
