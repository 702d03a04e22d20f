using System.Text.Json.Nodes;
using JetpackWhmcs.Ledger.Nonces;
using JetpackWhmcs.Service.Bridge;
using JetpackWhmcs.Service.Configuration;
using JetpackWhmcs.Service.ModuleCalls;
using Microsoft.Extensions.Options;

namespace JetpackWhmcs.Service.Admin.Endpoint;

/// <summary>
/// <c>POST /admin/{action}</c>: the signed endpoint the addon module calls (docs/admin-protocol.md).
/// Signed like a module call with <c>admin/{action}</c> as the function, so a signature made for one
/// can never be replayed against the other.
/// </summary>
public static class AdminEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/admin/{action}", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(
        string action,
        HttpContext context,
        BridgeSecret secret,
        INonceStore nonces,
        IOptions<JetpackWhmcsOptions> options,
        TimeProvider timeProvider,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("JetpackWhmcs.Admin");
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return Error(StatusCodes.Status503ServiceUnavailable, "The jetpack-whmcs service is shutting down: retry in a moment.");
        }

        var (body, unreadable, unreadableStatus) = await ModuleEndpoints.ReadBodyAsync(context.Request, context.RequestAborted);
        if (body is null)
        {
            return Error(unreadableStatus, unreadable!);
        }

        var now = timeProvider.GetUtcNow();
        if (SignedCallGate.Verify(context.Request.Headers, secret.Key, "admin/" + action, body, now, options.Value.SignatureMaxAge, out var refusal) is not { } signed)
        {
            return Unauthorized(refusal!);
        }

        // Unknown names are attacker-chosen: never echoed in full.
        if (context.RequestServices.GetKeyedService<IAdminAction>(action) is not { } handler)
        {
            return Error(StatusCodes.Status400BadRequest, $"The admin action '{(action.Length > 40 ? action[..40] + "..." : action)}' is unknown: the addon module and the service versions may not match.");
        }

        if (AdminCallBody.Read(body, out var invalid) is not { } call)
        {
            logger.LogWarning("Refused an admin call to {Action}: {Reason}", action, invalid);
            return Error(StatusCodes.Status400BadRequest, invalid!);
        }

        if (handler.ChangesState(call))
        {
            var check = await SignedCallGate.RememberNonceAsync(nonces, signed.Nonce, now, options.Value.ResolvedDatabase, logger, $"an admin {action} call", context.TraceIdentifier);
            if (check.Verdict != NonceVerdict.Fresh)
            {
                return check.Verdict == NonceVerdict.Replayed ? Unauthorized(check.Refusal!) : Error(StatusCodes.Status503ServiceUnavailable, check.Refusal!);
            }
        }

        // Like a module call, an action runs to its end once started, even when the addon stops waiting.
        var answer = await handler.HandleAsync(call, CancellationToken.None);
        if (answer.Status >= 400 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Admin call {Action} by {Admin} answered {Status}", action, call.Admin.DisplayName, answer.Status);
        }

        return Results.Json(answer.Body, statusCode: answer.Status);

        IResult Unauthorized(string sentence)
        {
            if (logger.IsEnabled(LogLevel.Warning))
            {
                logger.LogWarning("Refused an admin call from {Remote}: {Reason}", context.Connection.RemoteIpAddress, sentence);
            }

            return Error(StatusCodes.Status401Unauthorized, sentence);
        }
    }

    private static IResult Error(int status, string sentence) =>
        Results.Json(new JsonObject { ["error"] = sentence }, statusCode: status);
}
