namespace JetpackWhmcs.Service.Admin.Standalone;

/// <summary>A signed-in standalone session: its cookie value, its CSRF value and the local admin it names.</summary>
/// <param name="Id">The cookie value (random, 256 bits).</param>
/// <param name="Csrf">The value every posted form must carry as <c>token</c> (random, 256 bits).</param>
/// <param name="Admin">The local admin, recorded as the actor of every change.</param>
/// <param name="ExpiresAt">When the session ends.</param>
public sealed record AdminSession(string Id, string Csrf, AdminUser Admin, DateTimeOffset ExpiresAt)
{
    /// <summary>Names the admin only: the generated text would print the cookie and CSRF values into logs.</summary>
    public override string ToString() => $"standalone session of {Admin}";
}
