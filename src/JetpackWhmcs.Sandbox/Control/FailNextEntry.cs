namespace JetpackWhmcs.Sandbox.Control;

/// <summary>One entry of <c>fail_next</c>: the next <c>count</c> calls of an endpoint suffer a kind of fault.</summary>
internal sealed record FailNextEntry(string? Endpoint, string? Kind, int Count = 1);
