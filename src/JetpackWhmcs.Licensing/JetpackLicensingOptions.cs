namespace JetpackWhmcs.Licensing;

/// <summary>Settings of <c>JetpackLicensingClient</c>.</summary>
public sealed class JetpackLicensingOptions
{
    /// <summary>The production base URL of the API.</summary>
    public const string ProductionBaseUrl = "https://public-api.wordpress.com/wpcom/v2/jetpack-licensing/";

    /// <summary>The API's base URL, ending with <c>/jetpack-licensing/</c>. Default: production.</summary>
    public Uri BaseUrl { get; set; } = new(ProductionBaseUrl);

    /// <summary>The time one attempt may take before it is abandoned. Default 15 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The time a whole call, retries included, may take. Default 45 seconds.</summary>
    public TimeSpan OverallTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>How many times a retriable call is retried. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones grow exponentially with jitter. Default 200 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest <c>Retry-After</c> the client waits for; a longer one fails the call. Default 30 s.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}
