using JetpackWhmcs.Service.Cli;
using JetpackWhmcs.Service.Commands.Demo;
using JetpackWhmcs.Service.Commands.Doctor;
using JetpackWhmcs.Service.Commands.Licenses;
using JetpackWhmcs.Service.Commands.Migrate;
using JetpackWhmcs.Service.Commands.Reconcile;
using JetpackWhmcs.Service.Commands.Sandbox;
using JetpackWhmcs.Service.Commands.Serve;
using JetpackWhmcs.Service.Commands.Whmcs;
using Spectre.Console.Cli;

using var stopSignals = new StopSignals();
return await CommandLine.RunAsync(args, Program.Commands, cancellationToken: stopSignals.Token);

/// <summary>The entry point and the table of commands.</summary>
public static partial class Program
{
    /// <summary>Every command of the executable, one line each.</summary>
    public static void Commands(IConfigurator config)
    {
        config.AddCommand<ServeCommand>("serve").WithDescription("Serve the module endpoint for the WHMCS bridge, /healthz and /metrics.");
        config.AddCommand<DemoCommand>("demo").WithDescription("Run the whole job on one machine: service, sandbox, and a WHMCS acting through the signed endpoint.");
        config.AddCommand<SandboxCommand>("sandbox").WithDescription("Run the Jetpack Licensing API sandbox on its own.");
        config.AddBranch("licenses", licenses =>
        {
            licenses.SetDescription("List, show and change the licences of the ledger.");
            licenses.AddCommand<ListLicensesCommand>("list").WithDescription("List ledger rows (filters: --state, --product, --service; --json).");
            licenses.AddCommand<ShowLicenseCommand>("show").WithDescription("Show one licence by service id, addon id or key, with its audit trail.");
            licenses.AddCommand<IssueLicenseCommand>("issue").WithDescription("Issue a licence for one service or addon.");
            licenses.AddCommand<RevokeLicenseCommand>("revoke").WithDescription("Revoke the licence of one service or addon.");
            licenses.AddCommand<AttachLicenseCommand>("attach").WithDescription("Attach the licence of one service or addon to a site.");
            licenses.AddCommand<DetachLicenseCommand>("detach").WithDescription("Detach the licence of one service or addon from its site.");
            licenses.AddCommand<ReissueLicenseCommand>("reissue").WithDescription("Replace the licence of one service or addon with a new one.");
        });
        config.AddCommand<ReconcileCommand>("reconcile").WithDescription("Compare the ledger with the API's licences for every token; --fix repairs. " + ReconcileExitCodes.Help);
        config.AddWhmcsCommands();
        config.AddCommand<MigrateCommand>("migrate").WithDescription("Create or adopt the ledger tables.");
        config.AddCommand<DoctorCommand>("doctor").WithDescription("Check configuration, database, tokens, bridge secret and clock; print what to fix.");
    }
}
