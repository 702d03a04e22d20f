namespace JetpackWhmcs.Provisioning.Lifecycle;

/// <summary>How one convergent licence operation went: done, or a sentence to show (and the API's error code, when it answered one).</summary>
internal sealed record OperationResult(bool Ok, string? Sentence = null, string? RequestId = null, DateTime? At = null, string? ErrorCode = null)
{
    public static OperationResult Done(DateTime? at = null) => new(true, At: at);

    public static OperationResult Failed(string sentence, string? requestId, string? errorCode = null) => new(false, sentence, requestId, ErrorCode: errorCode);
}
