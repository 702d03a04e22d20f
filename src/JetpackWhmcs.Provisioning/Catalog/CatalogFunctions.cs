using System.Text.Json.Nodes;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Licensing.Models;
using JetpackWhmcs.Provisioning.Errors;

namespace JetpackWhmcs.Provisioning.Catalog;

/// <summary>MetaData, ConfigOptions, the LoadProducts loader, the product descriptions and TestConnection.</summary>
internal sealed class CatalogFunctions(EngineServices services)
{
    public static ModuleResult MetaData() => ModuleResult.Array(new JsonObject
    {
        ["DisplayName"] = "Jetpack Provisioning",
        ["Description"] = "Issues, attaches and revokes Jetpack licences for WHMCS products and product addons.",
        ["APIVersion"] = "1.1",
        ["RequiresServer"] = false,
    });

    /// <summary>
    /// The settings, in the original's order (1 token, 2 product, 3 show licence), then ours appended.
    /// The token is a password field so it is masked on the product page.
    /// </summary>
    public static ModuleResult ConfigOptions() => ModuleResult.Array(new JsonObject
    {
        ["API Token"] = new JsonObject
        {
            ["Type"] = "password",
            ["Size"] = "64",
            ["Description"] = "Your Jetpack partner API token (from the Jetpack partner portal).",
            ["SimpleMode"] = true,
        },
        ["Jetpack Product"] = new JsonObject
        {
            ["Type"] = "dropdown",
            ["Loader"] = "LoadProducts",
            ["Description"] = "The Jetpack product a licence is issued for.",
            ["SimpleMode"] = true,
        },
        ["Show User License"] = new JsonObject
        {
            ["Type"] = "yesno",
            ["Description"] = "Show the licence key and its activation link in the client area.",
            ["SimpleMode"] = true,
        },
        ["Suspension Policy"] = new JsonObject
        {
            ["Type"] = "dropdown",
            ["Options"] = new JsonObject { ["keep"] = "Keep the licence attached", ["detach"] = "Detach it while suspended" },
            ["Default"] = "keep",
            ["Description"] = "What suspending the service does to its licence.",
            ["SimpleMode"] = true,
        },
        ["Attach On Create"] = new JsonObject
        {
            ["Type"] = "yesno",
            ["Description"] = "Attach the new licence to the service's domain right after issuing it.",
            ["SimpleMode"] = true,
        },
        ["Detach Emails Site Owner"] = new JsonObject
        {
            ["Type"] = "yesno",
            ["Description"] = "Let Jetpack e-mail the site owner when a licence is detached.",
            ["SimpleMode"] = true,
        },
    });

    /// <summary>slug → product name; on failure <c>{"error": sentence}</c>, which the bridge throws as an Exception.</summary>
    public Task<ModuleResult> LoadProductsAsync(CancellationToken ct) =>
        CatalogueAsync(services.Catalog.GetProductsAsync, "list its products", ct);

    /// <summary>
    /// slug → the description of the product's family ("" when it has none), for the original addon
    /// module's product descriptions (the bridge's <c>jetpack_FetchProductDescriptions</c>); on
    /// failure <c>{"error": sentence}</c>, which the bridge throws as an Exception.
    /// </summary>
    public Task<ModuleResult> LoadProductDescriptionsAsync(CancellationToken ct) =>
        CatalogueAsync(services.Catalog.GetDescriptionsAsync, "list its product descriptions", ct);

    /// <summary>An authenticated call (one licence listed) proves the token.</summary>
    public async Task<ModuleResult> TestConnectionAsync(Invocation invocation, CancellationToken ct)
    {
        if (invocation.Token.Length == 0)
        {
            return Answer(false, Sentences.MissingToken, ModuleOutcome.InvalidInput);
        }

        try
        {
            await services.Api.ListAsync(invocation.Token, new LicenseListQuery { Page = 1, PerPage = 1 }, new Audit.AuditContext(null), ct).ConfigureAwait(false);
            return Answer(true, "", ModuleOutcome.Success);
        }
        catch (JetpackApiException exception)
        {
            var sentence = (int?)exception.StatusCode is 401 or 403
                ? $"Jetpack did not accept the API token ({Sentences.Describe(exception)}); copy the token again from the Jetpack partner portal into the product's settings{Sentences.RequestIdSuffix(exception.RequestId)}."
                : Sentences.ApiFailure("answer the connection test", exception);
            return Answer(false, sentence, ModuleOutcome.Error, exception.RequestId);
        }
    }

    private static async Task<ModuleResult> CatalogueAsync(
        Func<CancellationToken, Task<IReadOnlyDictionary<string, string>>> read, string action, CancellationToken ct)
    {
        try
        {
            var entries = await read(ct).ConfigureAwait(false);
            var result = new JsonObject();
            foreach (var (slug, value) in entries)
            {
                result[slug] = value;
            }

            return ModuleResult.Array(result);
        }
        catch (JetpackApiException exception)
        {
            var sentence = Sentences.ApiFailure(action, exception);
            return ModuleResult.Array(new JsonObject { ["error"] = sentence }, ModuleOutcome.Error, exception.RequestId);
        }
    }

    private static ModuleResult Answer(bool success, string error, ModuleOutcome outcome, string? requestId = null) =>
        ModuleResult.Array(new JsonObject { ["success"] = success, ["error"] = error }, outcome, requestId);
}
