using JetpackWhmcs.Ledger;
using JetpackWhmcs.Ledger.OperatorData;
using JetpackWhmcs.Operator.DependencyInjection;
using JetpackWhmcs.Operator.Tokens;
using JetpackWhmcs.Service.Admin.Pages.Drift;
using JetpackWhmcs.Service.Admin.Pages.Products;
using JetpackWhmcs.Service.Admin.Summary;
using JetpackWhmcs.Service.Configuration;
using JetpackWhmcs.Service.Tokens;

namespace JetpackWhmcs.Service.Hosting;

/// <summary>The operator's parts in the service: its store in the ledger's database, the tokens it reconciles, the widget's figures, the loaders of its pages.</summary>
public static class OperatorWiring
{
    /// <summary>Registers them; call before <c>AddAdminPages</c> so the widget reads the operator's figures.</summary>
    public static IServiceCollection AddOperator(this IServiceCollection services)
    {
        services.AddSingleton<IOperatorStore>(p => LedgerFactory.CreateOperatorStore(p.GetRequiredService<JetpackWhmcsOptions>().ResolvedDatabase));
        services.AddSingleton<IPartnerTokens, RegistryPartnerTokens>();
        services.AddJetpackOperator();
        services.AddSingleton<IOperatorSummary, OperatorFiguresSummary>();
        services.AddSingleton<DriftPageLoader>();
        services.AddSingleton<ProductsPageLoader>();
        return services;
    }
}
