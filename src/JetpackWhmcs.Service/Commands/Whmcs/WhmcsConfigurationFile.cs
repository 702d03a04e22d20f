using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using JetpackWhmcs.Service.Cli;
using MySqlConnector;

namespace JetpackWhmcs.Service.Commands.Whmcs;

/// <summary>
/// Reads the database settings from WHMCS's configuration.php (<c>$db_host</c>, <c>$db_port</c>,
/// <c>$db_username</c>, <c>$db_password</c>, <c>$db_name</c>) without running PHP: WHMCS writes them
/// as plain assignments of quoted strings (or a bare number for the port).
/// </summary>
public static partial class WhmcsConfigurationFile
{
    /// <summary>The variables of configuration.php, by name without the <c>$</c>.</summary>
    public static IReadOnlyDictionary<string, string> ReadVariables(string path)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Assignment().Matches(File.ReadAllText(path)))
        {
            var value = match.Groups["single"].Success ? UnescapeSingle(match.Groups["single"].Value)
                : match.Groups["double"].Success ? UnescapeDouble(match.Groups["double"].Value)
                : match.Groups["bare"].Value;
            variables[match.Groups["name"].Value] = value;
        }

        return variables;
    }

    /// <summary>The MySqlConnector connection string of WHMCS's database, for the service's <c>--database</c>.</summary>
    /// <exception cref="CommandFailedException">A setting is missing.</exception>
    public static string ConnectionString(string path)
    {
        var variables = ReadVariables(path);
        string Required(string name) => variables.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new CommandFailedException($"{path} has no ${name}: is it WHMCS's configuration.php after installation?");

        var host = Required("db_host");
        var port = variables.TryGetValue("db_port", out var p) && uint.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : 3306u;
        // WHMCS accepts "host:port" in $db_host; MySqlConnector wants them apart.
        var colon = host.LastIndexOf(':');
        if (colon > 0 && !host.Contains(']', StringComparison.Ordinal) && uint.TryParse(host[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var hostPort))
        {
            port = hostPort;
            host = host[..colon];
        }

        var builder = new MySqlConnectionStringBuilder
        {
            Server = host,
            Port = port,
            Database = Required("db_name"),
            UserID = Required("db_username"),
            Password = variables.TryGetValue("db_password", out var password) ? password : "",
        };
        return builder.ConnectionString;
    }

    private static string UnescapeSingle(string value) =>
        value.Replace("\\\\", "\u0000", StringComparison.Ordinal).Replace("\\'", "'", StringComparison.Ordinal).Replace('\u0000', '\\');

    private static string UnescapeDouble(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length && value[i + 1] is '\\' or '"' or '$')
            {
                i++;
            }

            text.Append(value[i]);
        }

        return text.ToString();
    }

    [GeneratedRegex("""\$(?<name>db_[A-Za-z_]+)\s*=\s*(?:'(?<single>(?:[^'\\]|\\.)*)'|"(?<double>(?:[^"\\]|\\.)*)"|(?<bare>[0-9]+))\s*;""")]
    private static partial Regex Assignment();
}
