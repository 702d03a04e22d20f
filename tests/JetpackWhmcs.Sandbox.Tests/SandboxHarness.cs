using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace JetpackWhmcs.Sandbox.Tests;

/// <summary>A real sandbox on loopback plus a raw HttpClient speaking to it, one per test.</summary>
public sealed class SandboxHarness : IAsyncDisposable
{
    public const string TokenA = "partner-token-a";
    public const string TokenB = "partner-token-b";

    private SandboxHarness(SandboxServer server)
    {
        Server = server;
        Http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(20) };
    }

    public SandboxServer Server { get; }

    public HttpClient Http { get; }

    public static async Task<SandboxHarness> StartAsync(Action<SandboxOptions>? configure = null)
    {
        var options = new SandboxOptions { Tokens = [TokenA, TokenB] };
        configure?.Invoke(options);
        return new SandboxHarness(await SandboxServer.StartAsync(options));
    }

    /// <summary>Sends a request with the given token (null: no Authorization header) and returns the answer.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relative, string? token = TokenA, string? json = null)
    {
        using var request = new HttpRequestMessage(method, relative);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Sends a request and parses its JSON body, asserting the status.</summary>
    public async Task<JsonElement> CallAsync(HttpMethod method, string relative, int expectedStatus = 200, string? token = TokenA, string? json = null)
    {
        using var response = await SendAsync(method, relative, token, json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"{method} {relative}: expected {expectedStatus}, got {(int)response.StatusCode}: {text}");
        Assert.True(response.Headers.Contains("X-Jetpack-Request-Id"), "every answer carries X-Jetpack-Request-Id");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public async Task<string> IssueAsync(string product = "jetpack-backup-daily", string token = TokenA)
    {
        var license = await CallAsync(HttpMethod.Post, $"license?product={product}", token: token);
        return license.GetProperty("license_key").GetString()!;
    }

    public static void AssertError(JsonElement body, string code)
    {
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
