namespace JetpackWhmcs.Licensing.Http;

/// <summary>One logical call: what to send and how to describe it in an error.</summary>
/// <param name="Operation">The endpoint.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="RelativeUri">The path and query, relative to the base URL, already escaped.</param>
/// <param name="Token">The partner token, or null for the public endpoint. Never logged.</param>
/// <param name="Action">What was asked, for error messages, e.g. "issue a jetpack-scan licence".</param>
/// <param name="Content">
/// The request body: null sends no content (reads); empty sends empty content with
/// <c>Content-Length: 0</c>; anything else is sent as <c>application/json</c>. Every write carries
/// content, so the HTTP stack never re-sends it by itself (see <see cref="ApiCaller"/>).
/// </param>
internal sealed record ApiRequest(ApiOperation Operation, HttpMethod Method, string RelativeUri, string? Token, string Action, string? Content = null)
{
    /// <summary>Excludes the token from the generated ToString so the record can never leak it.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"Operation = {Operation}, Method = {Method}, RelativeUri = {RelativeUri}");
        return true;
    }
}
