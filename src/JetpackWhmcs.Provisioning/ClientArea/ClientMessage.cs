using System.Text.Json.Nodes;

namespace JetpackWhmcs.Provisioning.ClientArea;

/// <summary>
/// What a client action tells the customer: a key the bridge looks up in the module's language file for
/// the client's language, the values its <c>{name}</c> placeholders take, and the English sentence (used
/// when the language file has no such key). Success has the key <c>success</c> and no sentence.
/// </summary>
/// <param name="Key">The language key without the module's prefix (<c>site_invalid</c>).</param>
/// <param name="English">The sentence in English, placeholders filled in.</param>
/// <param name="Args">Placeholder values (<c>site</c>, <c>request_id</c>, ...), raw: the bridge encodes the sentence.</param>
internal sealed record ClientMessage(string Key, string English, IReadOnlyDictionary<string, string>? Args = null)
{
    public static ClientMessage Success { get; } = new("success", "success");

    public bool IsSuccess => Key == "success";

    /// <summary>The answer of a client action (docs/bridge-protocol.md, "Client actions").</summary>
    public ModuleResult ToResult(string? requestId = null)
    {
        var args = new JsonObject();
        foreach (var (name, value) in Args ?? new Dictionary<string, string>())
        {
            args[name] = value;
        }

        var body = new JsonObject
        {
            ["status"] = IsSuccess ? "success" : "error",
            ["key"] = Key,
            ["message"] = English,
            ["args"] = args,
        };
        return ModuleResult.Array(body, IsSuccess ? ModuleOutcome.Success : ModuleOutcome.Error, requestId);
    }
}
