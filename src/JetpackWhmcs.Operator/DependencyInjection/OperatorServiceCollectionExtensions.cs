using JetpackWhmcs.Operator.Checks;
using JetpackWhmcs.Operator.Costs;
using JetpackWhmcs.Operator.Drift;
using JetpackWhmcs.Operator.Notices;
using JetpackWhmcs.Operator.Products;
using JetpackWhmcs.Operator.Summary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace JetpackWhmcs.Operator.DependencyInjection;

/// <summary>Registers the operator's parts. The host registers the ledger, the operator store, WHMCS's tables, the client, the engine and <see cref="Tokens.IPartnerTokens"/>.</summary>
public static class OperatorServiceCollectionExtensions
{
    /// <summary>Adds the drift check and its runner (a hosted service), the costs, products, notices and the widget's figures.</summary>
    public static IServiceCollection AddJetpackOperator(this IServiceCollection services)
    {
        services.TryAddSingleton<CheckRunnerOptions>();
        services.AddSingleton<DriftCheck>();
        services.AddSingleton<DriftFixer>();
        services.AddSingleton<PartnerPriceRecorder>();
        services.AddSingleton<CheckRunner>();
        services.AddSingleton<IHostedService>(p => p.GetRequiredService<CheckRunner>());
        services.AddSingleton<NoticeService>();
        services.AddSingleton<DailyCheck>();
        services.AddSingleton<CostService>();
        services.AddSingleton<TokenCheck>();
        services.AddSingleton<ModuleSettingDefaults>();
        services.AddSingleton<ProductSetup>();
        services.AddSingleton<OperatorSnapshotReader>();
        return services;
    }
}
