using System.Text.Json.Nodes;

namespace JetpackWhmcs.Service.Admin.Endpoint;

/// <summary>What an admin action answers: a status and its JSON body (<c>{"html": ...}</c>, or <c>{"error": "&lt;sentence&gt;"}</c>).</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The JSON object sent back.</param>
public sealed record AdminAnswer(int Status, JsonObject Body)
{
    /// <summary>A 200 answer.</summary>
    public static AdminAnswer Ok(JsonObject body) => new(StatusCodes.Status200OK, body);

    /// <summary>A 400 answer with one sentence.</summary>
    public static AdminAnswer BadRequest(string sentence) => new(StatusCodes.Status400BadRequest, new JsonObject { ["error"] = sentence });
}
