using System.Net.Sockets;
using System.Text;

namespace JetpackWhmcs.Service.Tests.Support;

/// <summary>
/// Writes an HTTP/1.1 request byte for byte on a fresh TCP connection (HttpClient cannot send a header
/// twice on two lines, a folded header, or a body shorter than its Content-Length) and reads the answer.
/// </summary>
public static class RawHttp
{
    public sealed record Answer(int Status, string Text);

    /// <summary>Sends <paramref name="headerLines"/> (without Host, Content-Length and the blank line unless given) and <paramref name="body"/>.</summary>
    public static async Task<Answer> SendAsync(Uri service, string path, IEnumerable<string> headerLines, byte[] body, bool addContentLength = true, TimeSpan? wait = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        using var client = new TcpClient();
        await client.ConnectAsync(service.Host, service.Port);
        await using var stream = client.GetStream();
        var head = new StringBuilder();
        head.Append("POST ").Append(path).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(service.Authority).Append("\r\n");
        head.Append("Content-Type: application/json\r\n");
        head.Append("Connection: close\r\n");
        if (addContentLength)
        {
            head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        }

        foreach (var line in headerLines)
        {
            head.Append(line).Append("\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
        using var timeout = new CancellationTokenSource(wait ?? TimeSpan.FromSeconds(20));
        using var answer = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                answer.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (answer.Length > 0)
        {
            // The server closed after answering (a reset once it stopped reading our body).
        }

        var text = Encoding.UTF8.GetString(answer.ToArray());
        var status = text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? int.Parse(text.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture) : 0;
        return new Answer(status, text);
    }
}
