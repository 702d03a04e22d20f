using System.Net.Sockets;
using JetpackWhmcs.Licensing.Http;
using JetpackWhmcs.Licensing.Resilience;

namespace JetpackWhmcs.Licensing.Tests;

/// <summary>The written rule itself, as a table: which failures are retried, which may have been done.</summary>
public sealed class RetryRuleTests
{
    private static readonly ApiOperation[] Reads =
        [ApiOperation.GetLicense, ApiOperation.ListLicenses, ApiOperation.GetProductFamilies, ApiOperation.GetPartnerProductFamilies];

    private static readonly ApiOperation[] Writes =
        [ApiOperation.IssueLicense, ApiOperation.RevokeLicense, ApiOperation.AttachLicense, ApiOperation.DetachLicense];

    [Theory]
    [InlineData(FaultOf.NotSent, true, true, false)]
    [InlineData(FaultOf.RateLimited, true, true, false)]
    [InlineData(FaultOf.ServerError, true, false, true)]
    [InlineData(FaultOf.AnswerLost, true, false, true)]
    [InlineData(FaultOf.TimedOut, true, false, true)]
    [InlineData(FaultOf.Refused, false, false, false)]
    [InlineData(FaultOf.SecureConnectionFailed, false, false, false)]
    public void The_rule_table(FaultOf fault, bool readRetried, bool writeRetried, bool mayHaveBeenDone)
    {
        var failure = (FailureKind)fault;
        Assert.All(Reads, op => Assert.Equal(readRetried, RetryRule.MayRetry(op, failure)));
        Assert.All(Writes, op => Assert.Equal(writeRetried, RetryRule.MayRetry(op, failure)));
        Assert.All(Reads.Concat(Writes), op => Assert.Equal(mayHaveBeenDone, RetryRule.MayHaveBeenCarriedOut(op, failure)));
    }

    [Fact]
    public void A_malformed_success_is_never_retried_and_counts_as_done_only_for_writes()
    {
        Assert.All(Reads.Concat(Writes), op => Assert.False(RetryRule.MayRetry(op, FailureKind.MalformedAnswer)));
        Assert.All(Reads, op => Assert.False(RetryRule.MayHaveBeenCarriedOut(op, FailureKind.MalformedAnswer)));
        Assert.All(Writes, op => Assert.True(RetryRule.MayHaveBeenCarriedOut(op, FailureKind.MalformedAnswer)));
    }

    [Theory]
    [InlineData(SocketError.ConnectionRefused, FaultOf.NotSent)]
    [InlineData(SocketError.HostNotFound, FaultOf.NotSent)]
    [InlineData(SocketError.NetworkUnreachable, FaultOf.NotSent)]
    [InlineData(SocketError.ConnectionReset, FaultOf.AnswerLost)]
    [InlineData(SocketError.TimedOut, FaultOf.AnswerLost)]
    public void Transport_failures_are_sorted_by_whether_anything_was_sent(SocketError error, FaultOf expected)
    {
        var exception = new HttpRequestException(HttpRequestError.Unknown, "failed", new IOException("io", new SocketException((int)error)));

        Assert.Equal((FailureKind)expected, ApiFailures.Classify(exception));
    }

    [Fact]
    public void A_name_resolution_error_was_not_sent_and_a_premature_end_was()
    {
        Assert.Equal(FailureKind.NotSent, ApiFailures.Classify(new HttpRequestException(HttpRequestError.NameResolutionError)));
        Assert.Equal(FailureKind.AnswerLost, ApiFailures.Classify(new HttpRequestException(HttpRequestError.ResponseEnded)));
        Assert.Equal(FailureKind.SecureConnectionFailed, ApiFailures.Classify(new HttpRequestException(HttpRequestError.SecureConnectionError)));
        Assert.Equal(FailureKind.TimedOut, ApiFailures.Classify(new TaskCanceledException("HttpClient.Timeout")));
    }

    /// <summary>Mirrors the internal enum so theory data stays public.</summary>
    public enum FaultOf
    {
        NotSent = FailureKind.NotSent,
        RateLimited = FailureKind.RateLimited,
        Refused = FailureKind.Refused,
        ServerError = FailureKind.ServerError,
        AnswerLost = FailureKind.AnswerLost,
        TimedOut = FailureKind.TimedOut,
        MalformedAnswer = FailureKind.MalformedAnswer,
        SecureConnectionFailed = FailureKind.SecureConnectionFailed,
    }
}
