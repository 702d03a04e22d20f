namespace JetpackWhmcs.Service.Bridge;

/// <summary>What remembering a call's nonce came to.</summary>
public enum NonceVerdict
{
    /// <summary>First seen: the call may go on.</summary>
    Fresh,

    /// <summary>Seen before: a replay, answered 401 and nothing done.</summary>
    Replayed,

    /// <summary>The ledger could not be written: answered 503 and nothing done.</summary>
    LedgerUnwritable,
}

/// <summary>The verdict on a call's nonce, with the sentence of the refusal when there is one.</summary>
/// <param name="Verdict">Fresh, replayed or not checkable.</param>
/// <param name="Refusal">The sentence for the error body; null when fresh.</param>
public sealed record NonceCheck(NonceVerdict Verdict, string? Refusal)
{
    /// <summary>A nonce not seen before.</summary>
    public static NonceCheck Fresh { get; } = new(NonceVerdict.Fresh, null);

    /// <summary>A refused nonce and why.</summary>
    public static NonceCheck Refused(NonceVerdict verdict, string sentence) => new(verdict, sentence);
}
