using System.Text.Json.Nodes;
using JetpackWhmcs.Operator.Notices;

namespace JetpackWhmcs.Service.Admin.Cron;

/// <summary>Notices as the protocol sends them: <c>[{"activity", "subject", "message"}]</c>.</summary>
public static class NoticeJson
{
    /// <summary>The array.</summary>
    public static JsonArray Of(IEnumerable<Notice> notices) =>
        [.. notices.Select(n => (JsonNode)new JsonObject { ["activity"] = n.Activity, ["subject"] = n.Subject, ["message"] = n.Message })];
}
