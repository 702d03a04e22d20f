using System.Globalization;
using JetpackWhmcs.Sandbox;

namespace JetpackWhmcs.Licensing.Tests;

/// <summary>A real sandbox on loopback plus a client pointed at it, with fast retry settings.</summary>
internal sealed class SandboxHarness : IAsyncDisposable
{
    public const string TokenA = "partner-token-alpha-7f3c";
    public const string TokenB = "partner-token-bravo-91d2";
    public const string UnknownToken = "not-a-partner-token-0000";
    public const string BasePath = "/wpcom/v2/jetpack-licensing/";

    private SandboxHarness(SandboxServer server, JetpackLicensingClient client, CountingHandler counter)
    {
        Server = server;
        Client = client;
        Counter = counter;
    }

    public SandboxServer Server { get; }

    public JetpackLicensingClient Client { get; }

    /// <summary>Counts what the client handed to the network, including attempts the sandbox never saw.</summary>
    public CountingHandler Counter { get; }

    public static async Task<SandboxHarness> StartAsync(Action<JetpackLicensingOptions>? configure = null)
    {
        var server = await SandboxServer.StartAsync(new SandboxOptions { Tokens = [TokenA, TokenB], Seed = 42 });
        var options = FastOptions(server.BaseUrl);
        configure?.Invoke(options);
        var counter = new CountingHandler();
        var client = new JetpackLicensingClient(counter.CreateClient(), options);
        return new SandboxHarness(server, client, counter);
    }

    public static JetpackLicensingOptions FastOptions(Uri baseUrl) => new()
    {
        BaseUrl = baseUrl,
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        OverallTimeout = TimeSpan.FromSeconds(30),
        MaxRetryAfter = TimeSpan.FromSeconds(5),
        MaxRetries = 3,
    };

    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string? Timestamp(DateTimeOffset? at) => at is { } value ? Timestamp(value) : null;

    /// <summary>The one request the sandbox saw; fails when there were more or none.</summary>
    public RecordedRequest SingleRequest() => Assert.Single(Server.Requests);

    /// <summary>Asserts what was sent; <paramref name="body"/> is the body expected (writes carry one, reads none).</summary>
    public static void AssertSent(RecordedRequest request, string method, string relativePath, string query, string? token, string body = "")
    {
        Assert.Equal(method, request.Method);
        Assert.Equal(BasePath + relativePath, request.Path);
        Assert.Equal(query, request.QueryString);
        Assert.Equal(token is null ? null : $"Bearer {token}", request.Authorization);
        Assert.Equal(body, request.Body);
    }

    /// <summary>Every exception check ends here: a secret must never reach a message.</summary>
    public static void AssertNoSecret(Exception exception)
    {
        foreach (var token in new[] { TokenA, TokenB, UnknownToken })
        {
            Assert.DoesNotContain(token, exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(token, exception.ToString(), StringComparison.Ordinal);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Counter.Dispose();
    }
}
