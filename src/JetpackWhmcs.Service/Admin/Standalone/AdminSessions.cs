using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace JetpackWhmcs.Service.Admin.Standalone;

/// <summary>
/// The standalone pages' one-time admin links and sessions, in this process's memory: the pages are
/// reached only through a link printed on the console of <c>demo --serve</c> or <c>serve --admin-link</c>,
/// whose code works once, so a session never outlives the process that printed it.
/// </summary>
public sealed class AdminSessions(TimeProvider time)
{
    /// <summary>How long a printed link can be opened.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(30);

    /// <summary>How long a session lasts after the link was opened.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    private readonly ConcurrentDictionary<string, (AdminUser Admin, DateTimeOffset ExpiresAt)> codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AdminSession> sessions = new(StringComparer.Ordinal);

    /// <summary>A new one-time code for <paramref name="admin"/>.</summary>
    public string IssueCode(AdminUser admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var code = Random();
        codes[code] = (admin, time.GetUtcNow() + CodeLifetime);
        return code;
    }

    /// <summary>Opens a session for <paramref name="code"/> and forgets the code; null when it is unknown, used or expired.</summary>
    public AdminSession? Redeem(string? code)
    {
        // TryRemove is atomic: of two requests with one code, exactly one gets it.
        if (string.IsNullOrEmpty(code) || !codes.TryRemove(code, out var issued) || issued.ExpiresAt <= time.GetUtcNow())
        {
            return null;
        }

        var session = new AdminSession(Random(), Random(), issued.Admin, time.GetUtcNow() + SessionLifetime);
        sessions[session.Id] = session;
        return session;
    }

    /// <summary>The live session of a cookie value, or null.</summary>
    public AdminSession? Find(string? id)
    {
        if (string.IsNullOrEmpty(id) || !sessions.TryGetValue(id, out var session))
        {
            return null;
        }

        if (session.ExpiresAt <= time.GetUtcNow())
        {
            sessions.TryRemove(id, out _);
            return null;
        }

        return session;
    }

    /// <summary>True when <paramref name="posted"/> is the session's CSRF value (compared in constant time).</summary>
    public static bool CsrfMatches(AdminSession session, string? posted)
    {
        ArgumentNullException.ThrowIfNull(session);
        return posted is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(session.Csrf), Encoding.UTF8.GetBytes(posted));
    }

    private static string Random() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
