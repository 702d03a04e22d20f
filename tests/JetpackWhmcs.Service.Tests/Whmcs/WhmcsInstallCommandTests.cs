using JetpackWhmcs.Service.Commands.Whmcs;

namespace JetpackWhmcs.Service.Tests.Whmcs;

// The installer writes owner-only files with Unix modes: these tests run where WHMCS runs.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class WhmcsInstallCommandTests : IDisposable
{
    private readonly WhmcsScratch scratch = new();

    public void Dispose() => scratch.Dispose();

    [Fact]
    public async Task Install_IntoAWhmcsRoot_CopiesTheModuleAndWritesAnOwnerOnlyConfig()
    {
        scratch.MakeWhmcsTree();

        var (exit, output) = await WhmcsScratch.RunAsync("whmcs", "install", "--whmcs-root", scratch.Root, "--data-dir", scratch.DataDir, "--service-url", "http://127.0.0.1:9911/");

        Assert.Equal(0, exit);
        foreach (var (relative, content) in BridgeModuleFiles.Load())
        {
            Assert.Equal(content, File.ReadAllBytes(Path.Combine(scratch.ModuleFolder, relative)));
        }

        foreach (var (relative, content) in BridgeModuleFiles.LoadAddon())
        {
            Assert.Equal(content, File.ReadAllBytes(Path.Combine(scratch.AddonModuleFolder, relative)));
        }

        Assert.False(File.Exists(Path.Combine(scratch.AddonModuleFolder, "config.php")), "the addon module reads the provisioning module's config.php");

        var config = Path.Combine(scratch.ModuleFolder, "config.php");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(config));
        var secret = File.ReadAllText(Path.Combine(scratch.DataDir, "bridge-secret")).Trim();
        Assert.Matches("^[0-9a-f]{64}$", secret);
        var text = File.ReadAllText(config);
        Assert.Contains($"'secret' => '{secret}'", text, StringComparison.Ordinal);
        Assert.Contains("'service_url' => 'http://127.0.0.1:9911'", text, StringComparison.Ordinal);
        Assert.Contains("modules/servers/jetpack/jetpack.php", output, StringComparison.Ordinal);
        Assert.Contains("modules/addons/jetpack/jetpack.php", output, StringComparison.Ordinal);
        Assert.Contains("modules/addons/jetpack/hooks.php", output, StringComparison.Ordinal);
        Assert.Contains("installed", output, StringComparison.Ordinal);
        Assert.Contains("generated", output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_Again_UpgradesChangedFilesAndKeepsTheConfig()
    {
        scratch.MakeWhmcsTree();
        var first = await WhmcsScratch.RunAsync("whmcs", "install", "--whmcs-root", scratch.Root, "--data-dir", scratch.DataDir);
        Assert.Equal(0, first.Exit);
        var module = Path.Combine(scratch.ModuleFolder, "jetpack.php");
        var config = Path.Combine(scratch.ModuleFolder, "config.php");
        var original = File.ReadAllBytes(module);
        await File.WriteAllTextAsync(module, "<?php // older release\n");
        var edited = (await File.ReadAllTextAsync(config)).Replace("127.0.0.1:8787", "10.1.2.3:8787", StringComparison.Ordinal);
        await File.WriteAllTextAsync(config, edited);

        var (exit, output) = await WhmcsScratch.RunAsync("whmcs", "install", "--whmcs-root", scratch.Root, "--data-dir", scratch.DataDir, "--service-url", "http://127.0.0.1:1");

        Assert.Equal(0, exit);
        Assert.Equal(original, await File.ReadAllBytesAsync(module));
        Assert.Equal(edited, await File.ReadAllTextAsync(config));
        Assert.Contains("updated", output, StringComparison.Ordinal);
        Assert.Contains("unchanged", output, StringComparison.Ordinal);
        Assert.Contains("kept", output, StringComparison.Ordinal);
        Assert.Contains("read from", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_OverAutomatticsAddonModule_ReplacesItsEntryFileAndPointsOutItsOtherFiles()
    {
        scratch.MakeWhmcsTree();
        Directory.CreateDirectory(Path.Combine(scratch.AddonModuleFolder, "templates"));
        await File.WriteAllTextAsync(Path.Combine(scratch.AddonModuleFolder, "jetpack.php"), "<?php // Automattic's addon module\n");
        await File.WriteAllTextAsync(Path.Combine(scratch.AddonModuleFolder, "templates", "admin.tpl"), "{* the original's page *}");

        var (exit, output) = await WhmcsScratch.RunAsync("whmcs", "install", "--whmcs-root", scratch.Root, "--data-dir", scratch.DataDir);

        Assert.Equal(0, exit);
        var ours = BridgeModuleFiles.LoadAddon().Single(f => f.RelativePath == "jetpack.php").Content;
        Assert.Equal(ours, await File.ReadAllBytesAsync(Path.Combine(scratch.AddonModuleFolder, "jetpack.php")));
        Assert.Contains("Left in place: modules/addons/jetpack/templates/admin.tpl", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(scratch.AddonModuleFolder, "templates", "admin.tpl")), "nothing of the original is deleted");
    }

    [Fact]
    public async Task Install_Again_UpgradesTheAddonModuleToo()
    {
        scratch.MakeWhmcsTree();
        Assert.Equal(0, (await WhmcsScratch.RunAsync("whmcs", "install", "--whmcs-root", scratch.Root, "--data-dir", scratch.DataDir)).Exit);
        var hooks = Path.Combine(scratch.AddonModuleFolder, "hooks.php");
        var original = await File.ReadAllBytesAsync(hooks);
        await File.WriteAllTextAsync(hooks, "<?php // older release\n");

        var (exit, output) = await WhmcsScratch.RunAsync("whmcs", "install", "--whmcs-root", scratch.Root, "--data-dir", scratch.DataDir);

        Assert.Equal(0, exit);
        Assert.Equal(original, await File.ReadAllBytesAsync(hooks));
        Assert.Matches(@"modules/addons/jetpack/hooks\.php\s+updated", output);
    }

    [Fact]
    public async Task Install_WithAConfigHoldingAnotherSecret_WarnsThatCallsWillBeRefused()
    {
        scratch.MakeWhmcsTree();
        Assert.Equal(0, (await WhmcsScratch.RunAsync("whmcs", "install", "--whmcs-root", scratch.Root, "--data-dir", scratch.DataDir)).Exit);

        var (exit, output) = await WhmcsScratch.RunAsync("whmcs", "install", "--whmcs-root", scratch.Root, "--data-dir", Path.Combine(scratch.Base, "other-data"));

        Assert.Equal(0, exit);
        Assert.Contains("holds another secret", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_IntoAFolderThatIsNotWhmcs_RefusesWithOneSentenceAndWritesNothing()
    {
        Directory.CreateDirectory(scratch.Root);

        var (exit, output) = await WhmcsScratch.RunAsync("whmcs", "install", "--whmcs-root", scratch.Root, "--data-dir", scratch.DataDir);

        Assert.Equal(1, exit);
        Assert.Equal(
            $"{scratch.Root} is not a WHMCS root (it has no configuration.php and no modules/servers/): pass --whmcs-root the folder that holds WHMCS's configuration.php and modules/servers/.",
            output.Trim());
        Assert.False(Directory.Exists(Path.Combine(scratch.Root, "modules")));
        Assert.False(Directory.Exists(scratch.DataDir));
    }

    [Fact]
    public async Task Install_WithoutWhmcsRoot_SaysItIsRequired()
    {
        var (exit, output) = await WhmcsScratch.RunAsync("whmcs", "install");

        Assert.Equal(1, exit);
        Assert.Contains("--whmcs-root is required", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_WithAServiceUrlThatIsNotHttp_IsRefused()
    {
        scratch.MakeWhmcsTree();

        var (exit, output) = await WhmcsScratch.RunAsync("whmcs", "install", "--whmcs-root", scratch.Root, "--service-url", "ftp://example.com");

        Assert.Equal(1, exit);
        Assert.Contains("is not an http(s) URL", output, StringComparison.Ordinal);
    }

    [Fact]
    public void EmbeddedModule_IsExactlyTheRepositorysBridgeFolder() =>
        AssertEmbeddedIsFolder(BridgeModuleFiles.Load(), "servers");

    [Fact]
    public void EmbeddedAddonModule_IsExactlyTheRepositorysAddonFolder() =>
        AssertEmbeddedIsFolder(BridgeModuleFiles.LoadAddon(), "addons");

    private static void AssertEmbeddedIsFolder(IReadOnlyList<(string RelativePath, byte[] Content)> embedded, string kind)
    {
        var repository = FindRepositoryRoot();
        var folder = Path.Combine(repository, "bridge", "modules", kind, "jetpack");
        var onDisk = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(folder, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => p != "config.php")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(onDisk, embedded.Select(f => f.RelativePath).ToList());
        foreach (var (relative, content) in embedded)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, relative)), content);
        }
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "jetpack-whmcs.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The tests run outside the repository.");
    }
}
