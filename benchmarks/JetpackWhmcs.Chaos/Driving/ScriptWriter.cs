namespace JetpackWhmcs.Chaos.Driving;

/// <summary>Writes the services' scripts from the seed, until they hold exactly the run's number of operations.</summary>
internal static class ScriptWriter
{
    public static readonly string[] Products =
        ["jetpack-backup-daily", "jetpack-scan", "jetpack-anti-spam", "jetpack-security-daily", "jetpack-complete"];

    public static IReadOnlyList<ServiceScript> Write(int seed, int operations)
    {
        var random = new Random(seed);
        var scripts = new List<ServiceScript>();
        var left = operations;
        for (var serviceId = 1; left > 0; serviceId++)
        {
            var product = Products[random.Next(Products.Length)];
            var steps = new List<Step> { new("CreateAccount", product) };
            if (random.NextDouble() < 0.7)
            {
                steps.Add(new("AttachLicense", product));
            }

            if (random.NextDouble() < 0.5)
            {
                steps.Add(new("SuspendAccount", product));
                steps.Add(new("UnsuspendAccount", product));
            }

            if (random.NextDouble() < 0.5)
            {
                product = Products.Where(p => p != product).ElementAt(random.Next(Products.Length - 1));
                steps.Add(new("ChangePackage", product));
            }

            if (random.NextDouble() < 0.4)
            {
                steps.Add(new("TerminateAccount", product));
            }

            var taken = steps.Take(left).ToList();
            left -= taken.Count;
            var policy = random.NextDouble() < 0.5 ? "detach" : "keep";
            scripts.Add(new ServiceScript(serviceId, 50_000 + serviceId, $"site-{serviceId}.chaos.example", policy, taken));
        }

        return scripts;
    }
}
