using System.Globalization;

namespace JetpackWhmcs.Chaos;

/// <summary>The chaos run's command line; every option has a default that makes a short run.</summary>
public sealed class ChaosOptions
{
    /// <summary>How many <c>serve</c> processes share the database.</summary>
    public int Instances { get; private set; } = 3;

    /// <summary>How many module calls (each retried until it answers success) the run makes in all.</summary>
    public int Operations { get; private set; } = 300;

    /// <summary>How many times an instance is killed with SIGKILL (and restarted).</summary>
    public int Kills { get; private set; } = 5;

    /// <summary><c>sqlite</c> or <c>mariadb</c> (the latter reads JETPACK_WHMCS_TEST_MYSQL and creates its own database).</summary>
    public string Database { get; private set; } = "sqlite";

    /// <summary>Seed of the scripts, the kill points and the sandbox's faults.</summary>
    public int Seed { get; private set; } = 1;

    /// <summary>Share of calls (0 to 1) sent through the real PHP bridge with php-cli; the rest are signed HTTP calls.</summary>
    public double PhpShare { get; private set; } = 0.25;

    /// <summary>How many WHMCS calls are in flight at once.</summary>
    public int Concurrency { get; private set; } = 8;

    /// <summary>Each fault kind's share of each mutating call.</summary>
    public double FaultRate { get; private set; } = 0.02;

    /// <summary>The sandbox's fixed latency per call, in milliseconds (jitter adds up to the same again).</summary>
    public int LatencyMs { get; private set; } = 10;

    /// <summary>Seconds one API attempt may take (the services' AttemptTimeout).</summary>
    public double AttemptTimeoutSeconds { get; private set; } = 2;

    /// <summary>Seconds one API call may take, retries included (OverallTimeout).</summary>
    public double OverallTimeoutSeconds { get; private set; } = 6;

    /// <summary>
    /// RecoveryGrace in seconds: smaller than the product's two minutes so that a run ends in minutes,
    /// still above the claim lease bound (OverallTimeout + 15 s = 21 s), which the service requires.
    /// </summary>
    public double RecoveryGraceSeconds { get; private set; } = 30;

    /// <summary>RecoveryInterval in seconds.</summary>
    public double RecoveryIntervalSeconds { get; private set; } = 2;

    /// <summary>How long one module call may keep failing before the run gives up on it (and fails).</summary>
    public double CallDeadlineSeconds { get; private set; } = 150;

    /// <summary>The first port to use; 0 lets the system choose free ports.</summary>
    public int BasePort { get; private set; }

    /// <summary>The built jetpack-whmcs.dll: --bin, else JETPACK_WHMCS_BIN, else the copy beside this program.</summary>
    public string Binary { get; private set; } =
        Environment.GetEnvironmentVariable("JETPACK_WHMCS_BIN") is { Length: > 0 } bin ? bin : Path.Combine(AppContext.BaseDirectory, "jetpack-whmcs.dll");

    /// <summary>Where the run keeps its databases, data directories, WHMCS trees and logs.</summary>
    public string? WorkDirectory { get; private set; }

    /// <summary>Keep the work directory (and the MariaDB database) after a passing run.</summary>
    public bool Keep { get; private set; }

    /// <summary>
    /// Issues one licence behind WHMCS's back before the checks: a self-test of the checks, which must
    /// then report an orphan on the API and an unaudited issue request, and fail.
    /// </summary>
    public bool PlantOrphan { get; private set; }

    public const string Usage = """
        Usage: jetpack-whmcs-chaos [--instances N] [--operations N] [--kills N] [--database sqlite|mariadb] [--seed N]
                                   [--php-share X] [--concurrency N] [--fault-rate X] [--latency-ms N]
                                   [--attempt-timeout S] [--overall-timeout S] [--recovery-grace S] [--recovery-interval S]
                                   [--call-deadline S] [--base-port N] [--bin PATH] [--work-dir DIR] [--keep] [--plant-orphan]
        mariadb reads a connection string from JETPACK_WHMCS_TEST_MYSQL and creates (then drops) its own database.
        --plant-orphan issues one licence behind WHMCS's back before the checks, to see them fail.
        Exit code 0 when every check passes, 1 when one fails, 2 when the run itself could not be made.
        """;

    /// <summary>Reads the command line; a mistake throws <see cref="ArgumentException"/> with a sentence.</summary>
    public static ChaosOptions Parse(IReadOnlyList<string> args)
    {
        var o = new ChaosOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--keep")
            {
                o.Keep = true;
                continue;
            }

            if (name == "--plant-orphan")
            {
                o.PlantOrphan = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.\n{Usage}");
            }

            var value = args[++i];
            switch (name)
            {
                case "--instances": o.Instances = Int(name, value, 1, 16); break;
                case "--operations": o.Operations = Int(name, value, 1, 1_000_000); break;
                case "--kills": o.Kills = Int(name, value, 0, 100_000); break;
                case "--database": o.Database = value is "sqlite" or "mariadb" ? value : throw new ArgumentException("--database is sqlite or mariadb."); break;
                case "--seed": o.Seed = Int(name, value, int.MinValue, int.MaxValue); break;
                case "--php-share": o.PhpShare = Number(name, value, 0, 1); break;
                case "--concurrency": o.Concurrency = Int(name, value, 1, 256); break;
                case "--fault-rate": o.FaultRate = Number(name, value, 0, 0.12); break;
                case "--latency-ms": o.LatencyMs = Int(name, value, 0, 10_000); break;
                case "--attempt-timeout": o.AttemptTimeoutSeconds = Number(name, value, 0.1, 600); break;
                case "--overall-timeout": o.OverallTimeoutSeconds = Number(name, value, 0.1, 3600); break;
                case "--recovery-grace": o.RecoveryGraceSeconds = Number(name, value, 0, 86_400); break;
                case "--recovery-interval": o.RecoveryIntervalSeconds = Number(name, value, 0.1, 3600); break;
                case "--call-deadline": o.CallDeadlineSeconds = Number(name, value, 1, 86_400); break;
                case "--base-port": o.BasePort = Int(name, value, 1024, 65_000); break;
                case "--bin": o.Binary = value; break;
                case "--work-dir": o.WorkDirectory = value; break;
                default: throw new ArgumentException($"Unknown option {name}.\n{Usage}");
            }
        }

        if (o.Instances < 2 && o.Kills > 0)
        {
            throw new ArgumentException("Killing needs at least two instances, so that calls have somewhere to go meanwhile.");
        }

        if (!File.Exists(o.Binary))
        {
            throw new ArgumentException($"{o.Binary} does not exist: build src/JetpackWhmcs.Service (or this project) first, or pass --bin.");
        }

        return o;
    }

    /// <summary>The late answers come after the attempt timeout, so that they are lost answers.</summary>
    public int LateAnswerDelayMs => (int)(AttemptTimeoutSeconds * 1000) + 1000;

    private static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{name} takes a whole number from {min} to {max}, not '{value}'.");

    private static double Number(string name, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{name} takes a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, not '{value}'.");
}
