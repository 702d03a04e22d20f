using JetpackWhmcs.Chaos;

// The chaos run (see the README, "Chaos run"): exit 0 when every check passes, 1 when one fails,
// 2 when the run could not be made.
ChaosOptions options;
try
{
    options = ChaosOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

try
{
    return await new ChaosRun(options, Console.Out).RunAsync();
}
catch (ChaosSetupException e)
{
    Console.Error.WriteLine("The chaos run could not be made: " + e.Message);
    return 2;
}
