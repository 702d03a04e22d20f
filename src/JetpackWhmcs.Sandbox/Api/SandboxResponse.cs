namespace JetpackWhmcs.Sandbox.Api;

/// <summary>What an endpoint answers: status, JSON body, optional extra headers.</summary>
internal sealed record SandboxResponse(int Status, object Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static SandboxResponse Ok(object body) => new(200, body);

    public static SandboxResponse Fail(ApiError error, IReadOnlyDictionary<string, string>? headers = null) =>
        new(error.Status, ApiJson.Error(error), headers);

    public static implicit operator SandboxResponse(ApiError error) => Fail(error);
}
