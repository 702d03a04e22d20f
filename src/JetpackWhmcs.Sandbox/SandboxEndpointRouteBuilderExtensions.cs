using JetpackWhmcs.Sandbox.Api;
using JetpackWhmcs.Sandbox.Control;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JetpackWhmcs.Sandbox;

/// <summary>Maps the sandbox's routes in another ASP.NET Core app.</summary>
public static class SandboxEndpointRouteBuilderExtensions
{
    /// <summary>The path prefix the API serves, as in production.</summary>
    public const string BasePath = "/wpcom/v2/jetpack-licensing";

    /// <summary>
    /// Maps the Jetpack Licensing API under <see cref="BasePath"/>. Requires
    /// <see cref="SandboxServiceCollectionExtensions.AddJetpackLicensingSandbox"/>. Any other path or
    /// method under the prefix answers 404 <c>rest_no_route</c>, with a request id like every answer.
    /// Also maps the control API under <c>/_sandbox/</c>, which answers only when
    /// <see cref="SandboxOptions.ControlEnabled"/> is set.
    /// </summary>
    public static IEndpointRouteBuilder MapJetpackLicensingSandbox(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var pipeline = endpoints.ServiceProvider.GetService<SandboxPipeline>()
            ?? throw new InvalidOperationException("Call services.AddJetpackLicensingSandbox(options) before mapping the sandbox.");

        RequestDelegate Run(SandboxEndpoint? endpoint, Func<SandboxCall, SandboxResponse> handler) =>
            context => pipeline.RunAsync(context, endpoint, handler);

        var api = endpoints.MapGroup(BasePath);
        api.MapGet("/license", Run(SandboxEndpoint.GetLicense, LicenseEndpoints.Get));
        api.MapPost("/license", Run(SandboxEndpoint.IssueLicense, LicenseEndpoints.Issue));
        api.MapDelete("/license", Run(SandboxEndpoint.RevokeLicense, LicenseEndpoints.Revoke));
        api.MapPost("/license/{license_key}/site", Run(SandboxEndpoint.AttachLicense, LicenseEndpoints.Attach));
        api.MapDelete("/license/{license_key}/site", Run(SandboxEndpoint.DetachLicense, LicenseEndpoints.Detach));
        api.MapGet("/licenses", Run(SandboxEndpoint.ListLicenses, LicenseListEndpoint.List));
        api.MapGet("/product-families", Run(SandboxEndpoint.ProductFamilies, ProductFamilyEndpoints.List));
        api.MapGet("/partner/product-families", Run(SandboxEndpoint.PartnerProductFamilies, ProductFamilyEndpoints.ListWithPrices));
        api.MapFallback("{**path}", Run(null, _ => throw new InvalidOperationException("unreachable")));
        SandboxControlEndpoints.Map(
            endpoints,
            endpoints.ServiceProvider.GetRequiredService<SandboxOptions>(),
            endpoints.ServiceProvider.GetRequiredService<SandboxStore>(),
            endpoints.ServiceProvider.GetRequiredService<SandboxRequestCounters>());
        return endpoints;
    }
}
