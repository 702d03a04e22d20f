namespace JetpackWhmcs.Browser.Tests.Harness;

/// <summary>The built jetpack-whmcs.dll: $JETPACK_WHMCS_BIN (scripts/test sets it), else the copy built beside these tests.</summary>
public static class TestBinary
{
    public static string Path =>
        Environment.GetEnvironmentVariable("JETPACK_WHMCS_BIN") is { Length: > 0 } fromEnv
            ? fromEnv
            : System.IO.Path.Combine(AppContext.BaseDirectory, "jetpack-whmcs.dll");
}
