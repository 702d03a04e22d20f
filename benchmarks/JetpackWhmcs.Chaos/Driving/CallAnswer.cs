namespace JetpackWhmcs.Chaos.Driving;

/// <summary>
/// What one attempt of a module call got back: the function's answer (<c>success</c> or a sentence),
/// or, when the service could not be reached or refused the request, why.
/// </summary>
internal sealed record CallAnswer(string? Text, string? Unreachable)
{
    public bool Succeeded => Text == "success";

    public static CallAnswer Answered(string text) => new(text, null);

    public static CallAnswer NotReached(string why) => new(null, why);
}
