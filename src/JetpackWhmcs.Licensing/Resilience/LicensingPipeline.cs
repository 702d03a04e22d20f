using JetpackWhmcs.Licensing.Http;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace JetpackWhmcs.Licensing.Resilience;

/// <summary>
/// Builds the Polly pipeline every call runs through, from <see cref="JetpackLicensingOptions"/>:
/// an overall deadline, around the retries <see cref="RetryRule"/> allows, around a per-attempt timeout.
/// </summary>
internal static partial class LicensingPipeline
{
    /// <summary>Carries the endpoint of the call to the retry predicate.</summary>
    public static readonly ResiliencePropertyKey<ApiOperation> OperationKey = new("jetpack-licensing.operation");

    /// <summary>Builds the pipeline; options must be valid.</summary>
    public static ResiliencePipeline<ApiAnswer> Build(JetpackLicensingOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<ApiAnswer>
        {
            Name = "jetpack-licensing",
            TimeProvider = timeProvider,
        };
        builder.AddTimeout(options.OverallTimeout);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<ApiAnswer>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context, args.Outcome, options)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is JetpackApiException { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
                OnRetry = args =>
                {
                    LogRetry(logger, Operation(args.Context), args.AttemptNumber + 1, args.RetryDelay, Describe(args.Outcome.Exception));
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    private static bool ShouldRetry(ResilienceContext context, Outcome<ApiAnswer> outcome, JetpackLicensingOptions options)
    {
        var operation = Operation(context);
        return outcome.Exception switch
        {
            JetpackApiException { Failure: FailureKind.RateLimited, RetryAfter: { } wait } when wait > options.MaxRetryAfter => false,
            JetpackApiException { Failure: { } failure } => RetryRule.MayRetry(operation, failure),
            TimeoutRejectedException when !context.CancellationToken.IsCancellationRequested =>
                RetryRule.MayRetry(operation, FailureKind.TimedOut),
            _ => false,
        };
    }

    private static ApiOperation Operation(ResilienceContext context) =>
        context.Properties.TryGetValue(OperationKey, out var operation)
            ? operation
            : throw new InvalidOperationException("The licensing pipeline was run without an operation.");

    private static string Describe(Exception? exception) => exception switch
    {
        JetpackApiException api => $"{api.Failure} {(int?)api.StatusCode} {api.ErrorCode} request id {api.RequestId}",
        null => "no exception",
        _ => exception.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Jetpack {Operation} failed ({Failure}); sending attempt {Attempt} in {Delay}.")]
    private static partial void LogRetry(ILogger logger, ApiOperation operation, int attempt, TimeSpan delay, string failure);
}
