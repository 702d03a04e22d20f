using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JetpackWhmcs.Licensing.Tests;

/// <summary>
/// A tiny real Kestrel app answering what the sandbox never would: the product slug (issue) or the
/// licence key (get) picks the body, so each malformed-answer case is one real HTTP exchange.
/// </summary>
internal sealed class OddServer : IAsyncDisposable
{
    public const string RequestId = "odd-req-1";

    private readonly WebApplication app;

    private OddServer(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static readonly string LongText = new('x', 5000);

    private static readonly Dictionary<string, (int Status, string ContentType, string Body)> Answers = new()
    {
        ["html"] = (200, "text/html", "<html><body>Maintenance</body></html>"),
        ["nokey"] = (200, "application/json", """{"license_id": 5, "issued_at": "2024-01-01 00:00:00"}"""),
        ["nullkey"] = (200, "application/json", """{"license_id": 5, "license_key": null}"""),
        ["truncated"] = (200, "application/json", """{"license_key": "jetpack-scan_abc", "license_id": """),
        ["wrongtype"] = (200, "application/json", """{"license_key": "jetpack-scan_abc", "license_id": {"a": 1}}"""),
        ["empty"] = (200, "application/json", ""),
        ["array"] = (200, "application/json", """[1, 2]"""),
        ["lenient"] = (200, "application/json",
            """{"license_id": "77", "license_key": "jetpack-scan_abc", "issued_at": "2024-01-01 00:00:00", "surprise": {"nested": [1, 2]}, "blog_id": "12"}"""),
        ["gateway"] = (502, "text/html", "<html>Bad gateway</html>"),
        ["long"] = (400, "text/plain", LongText),
        ["nocode"] = (400, "application/json", """{"message": "Something is off."}"""),
    };

    public static async Task<OddServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Map("/api/license", (HttpContext context) =>
        {
            var which = context.Request.Query["product"].ToString() is { Length: > 0 } slug ? slug : context.Request.Query["license_key"].ToString();
            var (status, contentType, body) = Answers[which];
            context.Response.Headers["X-Jetpack-Request-Id"] = RequestId;
            return Results.Text(body, contentType, statusCode: status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OddServer(app, new Uri(address.TrimEnd('/') + "/api/"));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
