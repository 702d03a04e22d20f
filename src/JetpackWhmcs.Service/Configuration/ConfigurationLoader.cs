using JetpackWhmcs.Service.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace JetpackWhmcs.Service.Configuration;

/// <summary>
/// Builds the configuration the .NET way, later sources winning: appsettings.json beside the
/// executable, appsettings.json in the working directory, <c>--config FILE</c>, environment variables
/// prefixed <c>JETPACK_WHMCS_</c>, then the command line.
/// </summary>
public static class ConfigurationLoader
{
    /// <summary>The environment variable prefix.</summary>
    public const string EnvironmentPrefix = "JETPACK_WHMCS_";

    /// <summary>Adds every source to <paramref name="builder"/>.</summary>
    public static IConfigurationBuilder AddJetpackWhmcsSources(this IConfigurationBuilder builder, ServiceSettings settings)
    {
        builder.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        builder.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false);
        if (settings.ConfigFile is { } file)
        {
            if (!File.Exists(file))
            {
                throw new CommandFailedException($"The configuration file {Path.GetFullPath(file)} does not exist: check --config.");
            }

            builder.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
        }

        builder.AddEnvironmentVariables(EnvironmentPrefix);
        builder.AddInMemoryCollection(settings.ToConfiguration());
        return builder;
    }

    /// <summary>The configuration of a command.</summary>
    public static IConfigurationRoot Build(ServiceSettings settings) =>
        new ConfigurationBuilder().AddJetpackWhmcsSources(settings).Build();

    /// <summary>Binds and validates the shared options; a failure throws one sentence naming every problem.</summary>
    public static JetpackWhmcsOptions Bind(IConfiguration configuration)
    {
        var options = new JetpackWhmcsOptions();
        configuration.Bind(options);
        MergeTokens(options, configuration);
        var result = new JetpackWhmcsOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new CommandFailedException(ConfigurationSentence(result.Failures ?? []));
        }

        return options;
    }

    /// <summary>Tokens given with --token (and the in-process sandbox's) add to the configured ones rather than replacing them.</summary>
    public static void MergeTokens(JetpackWhmcsOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        options.Tokens = [.. options.Tokens
            .Concat(configuration.GetSection("CliTokens").Get<string[]>() ?? [])
            .Concat(configuration.GetSection("ExtraTokens").Get<string[]>() ?? [])
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Loads the shared options of a command.</summary>
    public static JetpackWhmcsOptions Load(ServiceSettings settings) => Bind(Build(settings));

    /// <summary>One sentence for a list of configuration problems.</summary>
    public static string ConfigurationSentence(IEnumerable<string> failures) =>
        "The configuration is invalid: " + string.Join("; ", failures) + ".";
}
