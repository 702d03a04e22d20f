namespace JetpackWhmcs.Service.Logging;

/// <summary>
/// Collects the <c>X-Jetpack-Request-Id</c> of every API answer received within a scope (a module call,
/// an operator command), so that logs and output name it for successes too, not only for failures.
/// </summary>
public static class JetpackRequestIds
{
    private static readonly AsyncLocal<RequestIdCapture?> Current = new();

    /// <summary>Starts collecting for the current async flow.</summary>
    public static RequestIdCapture Capture()
    {
        var capture = new RequestIdCapture(Current.Value);
        Current.Value = capture;
        return capture;
    }

    /// <summary>Records an id for the current flow, if one is collecting.</summary>
    public static void Record(string requestId) => Current.Value?.Add(requestId);

    /// <summary>Ends a capture (restores the outer one).</summary>
    internal static void End(RequestIdCapture capture) => Current.Value = capture.Outer;
}
