using JetpackWhmcs.Ledger;
using JetpackWhmcs.Licensing;
using JetpackWhmcs.Provisioning;
using JetpackWhmcs.Service.Configuration;
using JetpackWhmcs.Service.Hosting;
using JetpackWhmcs.Service.Tokens;

namespace JetpackWhmcs.Service.Commands.Support;

/// <summary>What an operator command works with: validated options and the shared parts, disposed together.</summary>
public sealed class CommandScope : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private CommandScope(JetpackWhmcsOptions options, ServiceProvider provider)
    {
        Options = options;
        this.provider = provider;
    }

    /// <summary>The validated options.</summary>
    public JetpackWhmcsOptions Options { get; }

    /// <summary>The shared parts.</summary>
    public IServiceProvider Services => provider;

    /// <summary>The ledger.</summary>
    public ILicenseLedger Ledger => provider.GetRequiredService<ILicenseLedger>();

    /// <summary>The API client.</summary>
    public IJetpackLicensingClient Api => provider.GetRequiredService<IJetpackLicensingClient>();

    /// <summary>The engine.</summary>
    public IModuleEngine Engine => provider.GetRequiredService<IModuleEngine>();

    /// <summary>The known tokens (configured, --token, and on MySQL WHMCS's own).</summary>
    public TokenRegistry Tokens => provider.GetRequiredService<TokenRegistry>();

    /// <summary>The clock.</summary>
    public TimeProvider Time => provider.GetRequiredService<TimeProvider>();

    /// <summary>Loads the configuration of <paramref name="settings"/> and builds the parts.</summary>
    /// <param name="settings">The command's options.</param>
    /// <param name="readWhmcsTokens">Also read the tokens of WHMCS's Jetpack products (MySQL only).</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public static async Task<CommandScope> OpenAsync(ServiceSettings settings, bool readWhmcsTokens = false, CancellationToken cancellationToken = default)
    {
        var options = ConfigurationLoader.Load(settings);
        var scope = new CommandScope(options, CoreServices.BuildForCommand(options));
        if (readWhmcsTokens)
        {
            await scope.provider.GetRequiredService<WhmcsTokenLoader>().LoadAsync(cancellationToken);
        }

        return scope;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
