using System.Net;
using System.Text.Json.Nodes;
using JetpackWhmcs.Sandbox;
using JetpackWhmcs.Service.Commands.Serve;
using JetpackWhmcs.Service.Hosting;
using JetpackWhmcs.Service.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace JetpackWhmcs.Service.Tests.Logging;

/// <summary>
/// Issue 11, finding 7: an "internal error" answer pointed to the service log, which held only the
/// exception's type. The caller still gets one sentence and no stack trace; the log line under the trace
/// id that sentence names has the exception.
/// </summary>
public sealed class UnexpectedFailureLogTests
{
    [Fact]
    public async Task An_unexpected_failure_answers_a_sentence_with_a_trace_id_and_the_log_has_the_exception_under_it()
    {
        using var directory = new TempDirectory();
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Tokens = [ServiceUnderTest.Token] });
        var app = ServiceHost.Build(new ServeSettings { DataDir = directory.Path }, "http://127.0.0.1:0", new Dictionary<string, string?> { ["ApiUrl"] = sandbox.BaseUrl.ToString() });
        await using var _ = app;
        using var logs = new FakeLoggerProvider();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        // A route of the real host that fails the way a bug would: the pipeline and its handler are the service's.
        app.MapGet("/test-only/fail", string () => throw new InvalidOperationException("The probe failed on purpose."));
        await ServiceHost.StartAsync(app);
        using var http = new HttpClient { BaseAddress = ServiceHost.Address(app) };

        using var response = await http.GetAsync(new Uri("test-only/fail", UriKind.Relative));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var sentence = (string)JsonNode.Parse(body)!["error"]!;
        Assert.StartsWith("The jetpack-whmcs service failed unexpectedly: see its log for trace id ", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("on purpose", body, StringComparison.Ordinal);
        var traceId = sentence["The jetpack-whmcs service failed unexpectedly: see its log for trace id ".Length..].TrimEnd('.');
        var line = Assert.Single(logs.Collector.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains(traceId, StringComparison.Ordinal));
        Assert.Contains("System.InvalidOperationException: The probe failed on purpose.", line.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(UnexpectedFailureLogTests), line.Message, StringComparison.Ordinal);
        await app.StopAsync();
    }
}
