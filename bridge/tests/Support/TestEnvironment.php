<?php

namespace JetpackBridgeTests;

/**
 * The scratch WHMCS tree, the data directory holding the bridge secret, and the jetpack-whmcs service
 * (`serve --sandbox`) the module talks to. One per test run; everything is removed at the end.
 *
 * Set JETPACK_WHMCS_SERVICE_URL (with JETPACK_WHMCS_DATA_DIR, and JETPACK_WHMCS_SANDBOX_TOKEN when it
 * is not "sandbox-token") to use a service the caller already started instead.
 */
final class TestEnvironment
{
    private static ?self $instance = null;

    public readonly string $scratch;
    public readonly string $whmcsRoot;
    public readonly string $dataDir;
    public readonly string $token;
    public readonly string $serviceUrl;
    private bool $external;
    /** @var resource|null */
    private $service = null;
    /** @var array<int, array{0: resource, 1: bool}> process and whether to stop it gracefully */
    private array $extraProcesses = [];

    private function __construct()
    {
        $this->scratch = sys_get_temp_dir() . '/jetpack-bridge-tests-' . getmypid() . '-' . bin2hex(random_bytes(4));
        $this->whmcsRoot = $this->scratch . '/whmcs';
        $externalUrl = getenv('JETPACK_WHMCS_SERVICE_URL');
        $this->external = is_string($externalUrl) && $externalUrl !== '';
        if ($this->external) {
            $dataDir = getenv('JETPACK_WHMCS_DATA_DIR');
            if (!is_string($dataDir) || $dataDir === '') {
                throw new \RuntimeException('JETPACK_WHMCS_SERVICE_URL is set without JETPACK_WHMCS_DATA_DIR: the installer needs the service\'s data directory to read the bridge secret.');
            }
            $token = getenv('JETPACK_WHMCS_SANDBOX_TOKEN');
            $this->dataDir = $dataDir;
            $this->token = is_string($token) && $token !== '' ? $token : 'sandbox-token';
            $this->serviceUrl = rtrim($externalUrl, '/');
        } else {
            $this->dataDir = $this->scratch . '/data';
            // A token unique to this run, so that finding it in a log proves a leak.
            $this->token = 'bridge-test-token-' . bin2hex(random_bytes(12));
            $this->serviceUrl = 'http://127.0.0.1:' . Processes::freePort();
        }
        register_shutdown_function([$this, 'shutdown']);
    }

    public static function get(): self
    {
        return self::$instance ??= new self();
    }

    public function moduleDir(): string
    {
        return $this->whmcsRoot . '/modules/servers/jetpack';
    }

    public function configPath(): string
    {
        return $this->moduleDir() . '/config.php';
    }

    /** The secret the installer copied from the data directory. */
    public function secret(): string
    {
        return trim((string) file_get_contents($this->dataDir . '/bridge-secret'));
    }

    /** Builds a WHMCS-like tree, runs the real installer into it, and loads the installed module. */
    public function installAndLoadModule(): void
    {
        self::makeWhmcsTree($this->whmcsRoot);
        $result = Processes::run([
            'whmcs', 'install',
            '--whmcs-root', $this->whmcsRoot,
            '--service-url', $this->serviceUrl,
            '--data-dir', $this->dataDir,
        ]);
        if ($result['exit'] !== 0) {
            throw new \RuntimeException("jetpack-whmcs whmcs install failed ({$result['exit']}):\n{$result['stdout']}{$result['stderr']}");
        }
        require_once $this->moduleDir() . '/jetpack.php';
        require_once $this->moduleDir() . '/hooks.php';
        // The addon module in the same process, as on a WHMCS addon page that includes the
        // provisioning module: a function defined by both would be a fatal "Cannot redeclare" here.
        require_once $this->addonDir() . '/jetpack.php';
        require_once $this->addonDir() . '/hooks.php';
    }

    public function addonDir(): string
    {
        return $this->whmcsRoot . '/modules/addons/jetpack';
    }

    /** A folder that looks like a WHMCS installation: configuration.php and modules/servers/. */
    public static function makeWhmcsTree(string $root, string $configuration = ''): void
    {
        if (!is_dir($root . '/modules/servers')) {
            mkdir($root . '/modules/servers', 0755, true);
        }
        file_put_contents(
            $root . '/configuration.php',
            $configuration !== '' ? $configuration
                : "<?php\n\$license = 'WHMCS-TEST';\n\$db_host = '127.0.0.1';\n\$db_port = '3306';\n"
                . "\$db_username = 'whmcs';\n\$db_password = 'not-used';\n\$db_name = 'whmcs';\n"
                . "\$cc_encryption_hash = 'test';\n\$templates_compiledir = 'templates_c';\n"
        );
    }

    /** The running service's URL, starting `serve --sandbox` on first use. */
    public function service(): string
    {
        if ($this->external || $this->service !== null) {
            return $this->serviceUrl;
        }
        $log = $this->scratch . '/service.log';
        $this->service = Processes::start([
            'serve', '--sandbox',
            '--sandbox-token', $this->token,
            '--urls', $this->serviceUrl,
            '--data-dir', $this->dataDir,
        ], $log);
        Processes::waitForHttp($this->serviceUrl . '/healthz', $log, $this->service);

        return $this->serviceUrl;
    }

    /** The sandbox behind the service this run started. */
    public function sandbox(): Sandbox
    {
        if ($this->external) {
            $url = getenv('JETPACK_WHMCS_SANDBOX_URL');
            if (!is_string($url) || $url === '') {
                throw new \RuntimeException('JETPACK_WHMCS_SERVICE_URL is set without JETPACK_WHMCS_SANDBOX_URL: the tests check licences on the sandbox.');
            }

            return new Sandbox(rtrim($url, '/'), $this->token);
        }
        $this->service();

        return Sandbox::ofService($this->scratch . '/service.log', $this->token);
    }

    /**
     * Starts another jetpack-whmcs process (e.g. a sandbox, or serve on another database) stopped at
     * the end of the run; returns its URL.
     *
     * @param string[] $args the command, without --urls
     * @param bool $graceful false for a fixture that may be killed outright
     */
    public function startProcess(string $name, array $args, string $probePath = '/', bool $graceful = true): string
    {
        $url = 'http://127.0.0.1:' . Processes::freePort();
        $log = $this->scratch . "/{$name}.log";
        $process = Processes::start(array_merge($args, ['--urls', $url]), $log);
        $this->extraProcesses[] = [$process, $graceful];
        Processes::waitForHttp($url . $probePath, $log, $process);

        return $url;
    }

    /** Stops every process started by startProcess. */
    public function stopProcesses(): void
    {
        // Newest first: a service holds keep-alive connections to the sandbox started before it,
        // which would make the sandbox wait for them during its graceful shutdown.
        foreach (array_reverse($this->extraProcesses) as [$process, $graceful]) {
            Processes::stop($process, $graceful);
        }
        $this->extraProcesses = [];
    }

    /**
     * Runs $test with config.php changed by $changes (e.g. another service_url), then restores it.
     *
     * @param array<string, mixed> $changes
     */
    public function withConfig(array $changes, callable $test)
    {
        $path = $this->configPath();
        $original = (string) file_get_contents($path);
        $values = include $path;
        try {
            file_put_contents($path, "<?php\n\nreturn " . var_export(array_replace($values, $changes), true) . ";\n");

            return $test();
        } finally {
            file_put_contents($path, $original);
        }
    }

    public function shutdown(): void
    {
        $this->stopProcesses();
        if ($this->service !== null) {
            Processes::stop($this->service);
            $this->service = null;
        }
        if (getenv('JETPACK_BRIDGE_TESTS_KEEP') === false) {
            self::removeTree($this->scratch);
        }
    }

    public static function removeTree(string $path): void
    {
        if (!is_dir($path) || is_link($path)) {
            if (file_exists($path) || is_link($path)) {
                unlink($path);
            }

            return;
        }
        foreach (scandir($path) ?: [] as $entry) {
            if ($entry !== '.' && $entry !== '..') {
                self::removeTree($path . '/' . $entry);
            }
        }
        rmdir($path);
    }
}
