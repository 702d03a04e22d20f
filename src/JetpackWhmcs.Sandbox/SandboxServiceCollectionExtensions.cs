using JetpackWhmcs.Sandbox.Api;
using Microsoft.Extensions.DependencyInjection;

namespace JetpackWhmcs.Sandbox;

/// <summary>Registers the sandbox in another ASP.NET Core app.</summary>
public static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// Adds the sandbox's singletons: <see cref="SandboxOptions"/>, <see cref="SandboxStore"/>,
    /// <see cref="FaultSettings"/> (the options' instance), <see cref="SandboxRequestLog"/> and
    /// <see cref="SandboxRequestCounters"/>.
    /// Then map its routes with <see cref="SandboxEndpointRouteBuilderExtensions.MapJetpackLicensingSandbox"/>.
    /// </summary>
    public static IServiceCollection AddJetpackLicensingSandbox(this IServiceCollection services, SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var store = new SandboxStore(options);
        var log = new SandboxRequestLog();
        var counters = new SandboxRequestCounters();
        services.AddSingleton(options);
        services.AddSingleton(options.Faults);
        services.AddSingleton(store);
        services.AddSingleton(log);
        services.AddSingleton(counters);
        services.AddSingleton(new SandboxPipeline(options, store, log, counters));
        return services;
    }
}
