<?php

namespace JetpackBridgeTests;

/** `jetpack-whmcs whmcs install` and `whmcs database`, run as an administrator would, on scratch trees. */
final class InstallerTest extends BridgeTestCase
{
    private string $root;
    private string $dataDir;

    protected function setUp(): void
    {
        parent::setUp();
        $base = $this->env()->scratch . '/installer-' . bin2hex(random_bytes(4));
        $this->root = $base . '/whmcs';
        $this->dataDir = $base . '/data';
    }

    public function testInstallCopiesEveryModuleFileAndWritesAnOwnerOnlyConfig(): void
    {
        TestEnvironment::makeWhmcsTree($this->root);

        $run = $this->install('--service-url', 'http://127.0.0.1:9911/');

        $this->assertSame(0, $run['exit'], $run['stdout'] . $run['stderr']);
        $source = dirname(__DIR__) . '/modules/servers/jetpack';
        $module = $this->root . '/modules/servers/jetpack';
        foreach (['jetpack.php', 'whmcs.json', 'logo.png', 'templates/jetpack_license.tpl', 'lib/Bridge.php', 'lib/ServiceClient.php', 'vendor/autoload.php'] as $file) {
            $this->assertFileEquals($source . '/' . $file, $module . '/' . $file, "{$file} is installed as in the repository");
        }
        $addonSource = dirname(__DIR__) . '/modules/addons/jetpack';
        $addon = $this->root . '/modules/addons/jetpack';
        foreach (['jetpack.php', 'hooks.php', 'lang/english.php', 'lib/load.php', 'lib/AdminPage.php', 'lib/DashboardWidget.php'] as $file) {
            $this->assertFileEquals($addonSource . '/' . $file, $addon . '/' . $file, "addon {$file} is installed as in the repository");
        }
        $this->assertFileDoesNotExist($addon . '/config.php', 'the addon reads the provisioning module\'s config.php');
        $this->assertStringContainsString('modules/addons/jetpack/hooks.php', $run['stdout']);
        $this->assertSame(0600, fileperms($module . '/config.php') & 0777);
        $secret = trim((string) file_get_contents($this->dataDir . '/bridge-secret'));
        $this->assertMatchesRegularExpression('/^[0-9a-f]{64}$/', $secret, 'a secret was generated in the data directory');
        $this->assertSame(0600, fileperms($this->dataDir . '/bridge-secret') & 0777);
        $config = include $module . '/config.php';
        $this->assertSame('http://127.0.0.1:9911', $config['service_url']);
        $this->assertSame($secret, $config['secret']);
        $this->assertStringContainsString('jetpack.php', $run['stdout']);
        $this->assertStringContainsString('installed', $run['stdout']);
        $this->assertStringNotContainsString($secret, $run['stdout'] . $run['stderr'], 'the secret is never printed');
    }

    /** A 0600 file owned by root would be unreadable by PHP: config.php gets configuration.php's owner. */
    public function testConfigGetsTheOwnerOfWhmcsConfigurationWhenRunAsRoot(): void
    {
        TestEnvironment::makeWhmcsTree($this->root);
        $asRoot = function_exists('posix_geteuid') && posix_geteuid() === 0;
        if ($asRoot) {
            chown($this->root . '/configuration.php', 65534);
            chgrp($this->root . '/configuration.php', 65534);
        }

        $run = $this->install();

        $this->assertSame(0, $run['exit'], $run['stdout'] . $run['stderr']);
        $config = $this->root . '/modules/servers/jetpack/config.php';
        if ($asRoot) {
            $this->assertSame(65534, fileowner($config));
            $this->assertSame(65534, filegroup($config));
            $this->assertStringContainsString('owner and group copied from configuration.php', (string) preg_replace('/\s+/', ' ', $run['stdout']));
        } else {
            $this->assertSame(posix_geteuid(), fileowner($config));
            $this->assertStringContainsString('run the installer as the user PHP runs as', (string) preg_replace('/\s+/', ' ', $run['stdout']));
        }
        $this->assertSame(0600, fileperms($config) & 0777);
    }

    public function testTheDefaultServiceUrlIsTheServicesDefaultAddress(): void
    {
        TestEnvironment::makeWhmcsTree($this->root);

        $this->assertSame(0, $this->install()['exit']);

        $config = include $this->root . '/modules/servers/jetpack/config.php';
        $this->assertSame('http://127.0.0.1:8787', $config['service_url']);
    }

    public function testRerunningUpgradesTheFilesAndKeepsTheConfig(): void
    {
        TestEnvironment::makeWhmcsTree($this->root);
        $this->assertSame(0, $this->install('--service-url', 'http://127.0.0.1:9911')['exit']);
        $module = $this->root . '/modules/servers/jetpack';
        file_put_contents($module . '/jetpack.php', "<?php\n// an older release\n");
        $config = (string) file_get_contents($module . '/config.php');
        $edited = str_replace('http://127.0.0.1:9911', 'http://10.0.0.5:8787', $config);
        file_put_contents($module . '/config.php', $edited);
        file_put_contents($module . '/hooks.php', "<?php\n// left by the original module\n");
        $addon = $this->root . '/modules/addons/jetpack';
        file_put_contents($addon . '/jetpack.php', "<?php\n// Automattic's addon module\n");
        file_put_contents($addon . '/admin.tpl', "{* the original's page *}\n");

        $run = $this->install('--service-url', 'http://127.0.0.1:1');

        $this->assertSame(0, $run['exit'], $run['stdout'] . $run['stderr']);
        $this->assertFileEquals(dirname(__DIR__) . '/modules/servers/jetpack/jetpack.php', $module . '/jetpack.php');
        $this->assertSame($edited, file_get_contents($module . '/config.php'), 'config.php is kept on upgrade');
        $this->assertStringContainsString('updated', $run['stdout']);
        $this->assertStringContainsString('kept', $run['stdout']);
        $this->assertStringContainsString('hooks.php', $run['stdout'], 'files that are not ours are pointed out');
        $this->assertFileExists($module . '/hooks.php');
        $this->assertFileEquals(dirname(__DIR__) . '/modules/addons/jetpack/jetpack.php', $addon . '/jetpack.php', 'the original addon\'s entry file is replaced');
        $this->assertStringContainsString('modules/addons/jetpack/admin.tpl', $run['stdout'], 'and its other files are pointed out');
        $this->assertFileExists($addon . '/admin.tpl');
    }

    public function testRewriteConfigWritesTheConfigAgain(): void
    {
        TestEnvironment::makeWhmcsTree($this->root);
        $this->assertSame(0, $this->install('--service-url', 'http://127.0.0.1:9911')['exit']);

        $this->assertSame(0, $this->install('--service-url', 'http://127.0.0.1:9922', '--rewrite-config')['exit']);

        $config = include $this->root . '/modules/servers/jetpack/config.php';
        $this->assertSame('http://127.0.0.1:9922', $config['service_url']);
        $this->assertSame(0600, fileperms($this->root . '/modules/servers/jetpack/config.php') & 0777);
    }

    public function testAFolderThatIsNotWhmcsIsRefusedWithOneSentence(): void
    {
        mkdir($this->root, 0755, true);
        file_put_contents($this->root . '/index.html', 'not WHMCS');

        $run = $this->install();

        $this->assertSame(1, $run['exit']);
        // The console wraps long lines: read the output as the one sentence it is.
        $output = trim((string) preg_replace('/\s+/', ' ', $run['stdout'] . $run['stderr']));
        $this->assertStringContainsString('is not a WHMCS root', $output);
        $this->assertStringContainsString('configuration.php', $output);
        $this->assertMatchesRegularExpression('/^[^.]*(\.[^ ][^.]*)*\.$/', str_replace($this->root, 'DIR', $output), 'one sentence: ' . $output);
        $this->assertDirectoryDoesNotExist($this->root . '/modules');
    }

    public function testAMissingFolderIsRefused(): void
    {
        $run = $this->install();

        $this->assertSame(1, $run['exit']);
        $this->assertStringContainsString('does not exist', (string) preg_replace('/\s+/', ' ', $run['stdout'] . $run['stderr']));
    }

    public function testDatabasePrintsWhmcsConnectionStringWithAWarning(): void
    {
        TestEnvironment::makeWhmcsTree($this->root, <<<'PHP'
<?php
$license = 'WHMCS-TEST';
$db_host = 'db.internal:3307';
$db_port = '';
$db_username = 'whmcs_user';
$db_password = 'p@ss;w\'rd"x';
$db_name = 'whmcs_prod';
$cc_encryption_hash = 'abc';
PHP);

        $run = Processes::run(['whmcs', 'database', '--whmcs-root', $this->root]);

        $this->assertSame(0, $run['exit'], $run['stdout'] . $run['stderr']);
        $line = trim($run['stdout']);
        $this->assertCount(1, preg_split('/\R/', $line), 'only the connection string on stdout');
        $parsed = self::parseConnectionString($line);
        $this->assertSame('db.internal', $parsed['server']);
        $this->assertSame('3307', $parsed['port']);
        $this->assertSame('whmcs_prod', $parsed['database']);
        $this->assertSame('whmcs_user', $parsed['user id']);
        $this->assertSame('p@ss;w\'rd"x', $parsed['password']);
        $this->assertStringContainsString('password', strtolower($run['stderr']), 'a warning on stderr');
    }

    /** @return array<string, string> keys lower-cased; values unquoted as ADO.NET quotes them */
    private static function parseConnectionString(string $text): array
    {
        preg_match_all('/\s*([^=;]+)=("(?:[^"]|"")*"|\'(?:[^\']|\'\')*\'|[^;]*);?/', $text, $matches, PREG_SET_ORDER);
        $out = [];
        foreach ($matches as $m) {
            $value = $m[2];
            if ($value !== '' && ($value[0] === '"' || $value[0] === "'")) {
                $q = $value[0];
                $value = str_replace($q . $q, $q, substr($value, 1, -1));
            }
            $out[strtolower(trim($m[1]))] = $value;
        }

        return $out;
    }

    /** @return array{exit: int, stdout: string, stderr: string} */
    private function install(string ...$extra): array
    {
        return Processes::run(array_merge(['whmcs', 'install', '--whmcs-root', $this->root, '--data-dir', $this->dataDir], $extra));
    }
}
