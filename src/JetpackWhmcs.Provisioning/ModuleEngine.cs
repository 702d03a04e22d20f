using System.Text.Json;
using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Provisioning.Buttons;
using JetpackWhmcs.Provisioning.Catalog;
using JetpackWhmcs.Provisioning.ClientArea;
using JetpackWhmcs.Provisioning.Display;
using JetpackWhmcs.Provisioning.Issuance;
using JetpackWhmcs.Provisioning.Lifecycle;
using JetpackWhmcs.Provisioning.Parameters;
using JetpackWhmcs.Whmcs;
using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Provisioning;

/// <summary>
/// The WHMCS module functions for Jetpack licences: a table from function name to the feature that
/// answers it. Parameters are validated before anything is read or written; failures become the
/// sentence or error shape WHMCS expects, never an exception.
/// </summary>
public sealed partial class ModuleEngine : IModuleEngine
{
    private readonly Dictionary<string, Func<Invocation, CancellationToken, Task<ModuleResult>>> handlers;
    private readonly ILogger<ModuleEngine> logger;

    /// <summary>Creates the engine with parts of its own (tests, CLI); the service host builds it once through DI.</summary>
    /// <param name="client">The Jetpack Licensing API client.</param>
    /// <param name="ledger">The licence ledger (already migrated).</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The log (never receives the token).</param>
    /// <param name="options">Claim lease and recovery settings; defaults when null. Unsafe settings throw <see cref="ArgumentException"/>.</param>
    /// <param name="hooks">Test-only seams; none when null.</param>
    /// <param name="whmcs">WHMCS's tables, for the client area's checks and choices; none (every read "not available") when null.</param>
    public ModuleEngine(
        IJetpackLicensingClient client,
        ILicenseLedger ledger,
        TimeProvider time,
        ILogger<ModuleEngine> logger,
        ModuleEngineOptions? options = null,
        IProvisioningHooks? hooks = null,
        IWhmcsDatabase? whmcs = null)
        : this(ProvisioningParts.Create(client, ledger, time, logger, options, hooks, null, whmcs), logger)
    {
    }

    internal ModuleEngine(ProvisioningParts parts, ILogger<ModuleEngine> logger)
    {
        this.logger = logger;
        var services = parts.Services;
        var catalog = new CatalogFunctions(services);
        var suspension = new Suspension(services);
        var renewal = new Renewal(services);
        var replacement = new LicenseReplacement(services);
        var buttons = new AttachmentButtons(services);
        var client = new ClientActions(services);
        handlers = new(StringComparer.Ordinal)
        {
            ["MetaData"] = (_, _) => Task.FromResult(CatalogFunctions.MetaData()),
            ["ConfigOptions"] = (_, _) => Task.FromResult(CatalogFunctions.ConfigOptions()),
            ["LoadProducts"] = (_, ct) => catalog.LoadProductsAsync(ct),
            ["LoadProductDescriptions"] = (_, ct) => catalog.LoadProductDescriptionsAsync(ct),
            ["TestConnection"] = catalog.TestConnectionAsync,
            ["CreateAccount"] = new CreateAccount(services).RunAsync,
            ["SuspendAccount"] = suspension.SuspendAsync,
            ["UnsuspendAccount"] = suspension.UnsuspendAsync,
            ["TerminateAccount"] = new TerminateAccount(services).RunAsync,
            ["Renew"] = renewal.RenewAsync,
            ["ChangePackage"] = replacement.ChangePackageAsync,
            ["AdminCustomButtonArray"] = (_, _) => Task.FromResult(AdminButtons()),
            ["AttachLicense"] = buttons.AttachAsync,
            ["DetachLicense"] = buttons.DetachAsync,
            ["RefreshStatus"] = renewal.RefreshAsync,
            ["ReissueLicense"] = replacement.ReissueAsync,
            ["AdminServicesTabFields"] = new AdminTabFields(services).RunAsync,
            ["ClientArea"] = new ClientAreaView(services, client).RunAsync,
            ["ClientAreaCustomButtonArray"] = (_, _) => Task.FromResult(ClientActions.Buttons()),
            ["ClientAreaAllowedFunctions"] = (_, _) => Task.FromResult(ClientActions.AllowedFunctions()),
            ["ClientActivate"] = client.ActivateAsync,
            ["ClientChangeSite"] = client.ChangeSiteAsync,
            ["ClientRefreshStatus"] = client.RefreshAsync,
            ["CustomActions"] = new CustomActionsView(services).RunAsync,
            ["ClientUpsell"] = new UpsellView(services).RunAsync,
        };
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string> Functions => ModuleFunctions.All;

    /// <inheritdoc />
    public async Task<ModuleResult> InvokeAsync(string functionName, JsonElement parameters, CancellationToken cancellationToken = default)
    {
        var handler = HandlerOf(functionName);
        if (!ModuleParameters.TryParse(parameters, out var parsed, out var error))
        {
            return ModuleFunctions.ArrayFunctions.Contains(functionName)
                ? ModuleResult.Array(new JsonObject { ["error"] = error }, ModuleOutcome.InvalidInput)
                : Guards.Invalid(error);
        }

        return await RunAsync(functionName, handler, parsed, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<ModuleResult> InvokeAsync(string functionName, ModuleParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return RunAsync(functionName, HandlerOf(functionName), parameters, cancellationToken);
    }

    private Func<Invocation, CancellationToken, Task<ModuleResult>> HandlerOf(string functionName) =>
        functionName is not null && handlers.TryGetValue(functionName, out var handler)
            ? handler
            : throw new ArgumentException($"Unknown module function '{functionName}'.", nameof(functionName));

    private async Task<ModuleResult> RunAsync(string functionName, Func<Invocation, CancellationToken, Task<ModuleResult>> handler, ModuleParameters parsed, CancellationToken cancellationToken)
    {
        var isArray = ModuleFunctions.ArrayFunctions.Contains(functionName);
        try
        {
            return await handler(new Invocation(parsed), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Typically the ledger database is unreachable. The type only: messages may quote connection strings.
            LogUnexpected(logger, functionName, parsed.Owner?.SlotKey, exception.GetType().Name);
            var sentence = $"The Jetpack module could not complete {functionName} because of an internal error ({exception.GetType().Name}); check that the licence database is reachable and try again, the service log has the details.";
            return isArray ? ModuleResult.Array(new JsonObject { ["error"] = sentence }, ModuleOutcome.Error) : ModuleResult.Error(sentence);
        }
    }

    private static ModuleResult AdminButtons() => ModuleResult.Array(new JsonObject
    {
        ["Attach License"] = "AttachLicense",
        ["Detach License"] = "DetachLicense",
        ["Refresh Status"] = "RefreshStatus",
        ["Reissue License"] = "ReissueLicense",
    });

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} for {Owner} failed unexpectedly: {ExceptionType}")]
    private static partial void LogUnexpected(ILogger logger, string function, string? owner, string exceptionType);
}
