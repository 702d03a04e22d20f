using System.Security.Cryptography;
using JetpackWhmcs.Service.Cli;
using JetpackWhmcs.Service.Configuration;

namespace JetpackWhmcs.Service.Bridge;

/// <summary>
/// The shared secret of the bridge: 32 random bytes as 64 lowercase hex characters, kept in
/// <c>&lt;data-dir&gt;/bridge-secret</c> with mode 0600. The HMAC key is the hex string's UTF-8 bytes.
/// Never logged: <see cref="ToString"/> does not show it.
/// </summary>
public sealed class BridgeSecret
{
    private readonly string hex;

    private BridgeSecret(string hex, string source)
    {
        this.hex = hex;
        Source = source;
    }

    /// <summary>Where the secret came from (a file path or "configuration"), for doctor and logs.</summary>
    public string Source { get; }

    /// <summary>The HMAC key.</summary>
    public byte[] Key => System.Text.Encoding.UTF8.GetBytes(hex);

    /// <summary>The secret as the bridge's config.php holds it.</summary>
    public string Hex => hex;

    /// <summary>True for 64 hex characters.</summary>
    public static bool IsWellFormed(string value) =>
        value.Length == 64 && value.All(Uri.IsHexDigit);

    /// <summary>Wraps a known secret (tests, the demo, configuration).</summary>
    public static BridgeSecret FromHex(string hex, string source = "configuration")
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (!IsWellFormed(hex.Trim()))
        {
            throw new ArgumentException("A bridge secret is 64 hexadecimal characters.", nameof(hex));
        }

        return new BridgeSecret(hex.Trim().ToLowerInvariant(), source);
    }

    /// <summary>
    /// The configured secret, else the one in the data directory, else a new one written there with
    /// owner-only permissions from the moment the file exists.
    /// </summary>
    public static BridgeSecret LoadOrCreate(JetpackWhmcsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.BridgeSecret))
        {
            return FromHex(options.BridgeSecret);
        }

        var path = Path.GetFullPath(options.BridgeSecretPath);
        if (TryRead(path) is { } existing)
        {
            return existing;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var created = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        try
        {
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(path, fileOptions))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(created + "\n");
            }

            return new BridgeSecret(created, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance created it first: use theirs.
            return TryRead(path) ?? throw new CommandFailedException($"The bridge secret file {path} is empty or malformed: delete it to generate a new one, then run `jetpack-whmcs whmcs install` again.");
        }
    }

    /// <summary>The secret in <paramref name="path"/>, or null when the file does not exist.</summary>
    public static BridgeSecret? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path).Trim();
        if (!IsWellFormed(text))
        {
            throw new CommandFailedException($"The bridge secret file {path} does not hold 64 hexadecimal characters: delete it to generate a new one, then run `jetpack-whmcs whmcs install` again.");
        }

        return new BridgeSecret(text.ToLowerInvariant(), path);
    }

    /// <inheritdoc />
    public override string ToString() => $"bridge secret from {Source}";
}
