namespace JetpackWhmcs.Licensing;

/// <summary>Settings of <see cref="JetpackLicensingClient"/>. Read once, when the client is created.</summary>
public sealed class JetpackLicensingOptions
{
    /// <summary>The production base URL of the API.</summary>
    public const string ProductionBaseUrl = "https://public-api.wordpress.com/wpcom/v2/jetpack-licensing/";

    /// <summary>
    /// The API's base URL, ending with <c>/jetpack-licensing/</c> (a missing final slash is added).
    /// Default: <see cref="ProductionBaseUrl"/>. Must be an absolute http or https URL.
    /// </summary>
    public Uri BaseUrl { get; set; } = new(ProductionBaseUrl);

    /// <summary>The time one attempt may take before it is abandoned. Default 15 seconds; at least 10 ms.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The time a whole call, retries included, may take. Default 45 seconds; at least 10 ms.</summary>
    public TimeSpan OverallTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>How many times a retriable call is retried (0 turns retries off). Default 3; at most 20.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones grow exponentially with jitter. Default 200 ms; zero or more.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest <c>Retry-After</c> the client waits for; a longer one fails the call. Default 30 s.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks every setting and says which one is wrong.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The Jetpack API base URL must be an absolute http or https URL, such as {ProductionBaseUrl}.", nameof(BaseUrl));
        }

        CheckTimeout(AttemptTimeout, nameof(AttemptTimeout));
        CheckTimeout(OverallTimeout, nameof(OverallTimeout));
        if (MaxRetries is < 0 or > 20)
        {
            throw new ArgumentException($"{nameof(MaxRetries)} must be between 0 and 20 (it is {MaxRetries}).", nameof(MaxRetries));
        }

        if (RetryBaseDelay < TimeSpan.Zero || RetryBaseDelay > TimeSpan.FromMinutes(10))
        {
            throw new ArgumentException($"{nameof(RetryBaseDelay)} must be between zero and 10 minutes (it is {RetryBaseDelay}).", nameof(RetryBaseDelay));
        }

        if (MaxRetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(MaxRetryAfter)} must not be negative (it is {MaxRetryAfter}).", nameof(MaxRetryAfter));
        }
    }

    /// <summary>The base URL with its final slash, so relative paths resolve under it.</summary>
    internal Uri NormalisedBaseUrl() =>
        BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");

    private static void CheckTimeout(TimeSpan value, string name)
    {
        if (value < TimeSpan.FromMilliseconds(10) || value > TimeSpan.FromHours(1))
        {
            throw new ArgumentException($"{name} must be between 10 ms and 1 hour (it is {value}).", name);
        }
    }
}
