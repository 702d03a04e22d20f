namespace JetpackWhmcs.Service.Commands.Demo;

/// <summary>One line of the demo's cross-check.</summary>
/// <param name="What">What is compared.</param>
/// <param name="Ledger">The ledger's value.</param>
/// <param name="Sandbox">The sandbox's value (the API's truth).</param>
/// <param name="Holds">Whether they agree with each other and with what the scenario did.</param>
public sealed record DemoCheck(string What, string Ledger, string Sandbox, bool Holds);
