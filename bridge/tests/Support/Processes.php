<?php

namespace JetpackBridgeTests;

/** Runs the jetpack-whmcs binary: one-shot commands and the long-running service. */
final class Processes
{
    /** The built jetpack-whmcs.dll: $JETPACK_WHMCS_BIN, else the newest build in the repository. */
    public static function binary(): string
    {
        $fromEnv = getenv('JETPACK_WHMCS_BIN');
        if (is_string($fromEnv) && $fromEnv !== '') {
            if (!is_file($fromEnv)) {
                throw new \RuntimeException("JETPACK_WHMCS_BIN names {$fromEnv}, which does not exist: build the solution first.");
            }

            return $fromEnv;
        }
        $candidates = glob(dirname(__DIR__, 3) . '/src/JetpackWhmcs.Service/bin/*/net10.0/jetpack-whmcs.dll') ?: [];
        if ($candidates === []) {
            throw new \RuntimeException(
                'No built jetpack-whmcs.dll: run "dotnet build" first, or set JETPACK_WHMCS_BIN to the built dll.'
            );
        }
        usort($candidates, static fn ($a, $b) => filemtime($b) <=> filemtime($a));

        return $candidates[0];
    }

    /**
     * Runs `dotnet jetpack-whmcs.dll <args>` to completion.
     *
     * @param string[] $args
     * @return array{exit: int, stdout: string, stderr: string}
     */
    public static function run(array $args): array
    {
        $process = proc_open(
            array_merge(['dotnet', self::binary()], $args),
            [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
            $pipes,
            null,
            self::environment()
        );
        if (!is_resource($process)) {
            throw new \RuntimeException('Could not start dotnet: is the .NET SDK installed?');
        }
        $stdout = stream_get_contents($pipes[1]);
        $stderr = stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        $exit = proc_close($process);

        return ['exit' => $exit, 'stdout' => (string) $stdout, 'stderr' => (string) $stderr];
    }

    /**
     * Starts `dotnet jetpack-whmcs.dll <args>` in the background, output to $logFile.
     *
     * @param string[] $args
     * @return resource
     */
    public static function start(array $args, string $logFile)
    {
        $process = proc_open(
            array_merge(['dotnet', self::binary()], $args),
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', $logFile, 'a'], 2 => ['file', $logFile, 'a']],
            $pipes,
            null,
            self::environment()
        );
        if (!is_resource($process)) {
            throw new \RuntimeException('Could not start dotnet: is the .NET SDK installed?');
        }

        return $process;
    }

    /**
     * @param resource $process
     * @param bool $graceful false for a throw-away fixture (SIGKILL at once)
     */
    public static function stop($process, bool $graceful = true): void
    {
        if (!is_resource($process)) {
            return;
        }
        // Ctrl+C first (what the commands document), then SIGTERM, then SIGKILL as a last resort.
        foreach ($graceful ? [[2, 8.0], [15, 3.0], [9, 2.0]] : [[9, 2.0]] as [$signal, $wait]) {
            if (!proc_get_status($process)['running']) {
                break;
            }
            proc_terminate($process, $signal);
            $deadline = microtime(true) + $wait;
            while (proc_get_status($process)['running'] && microtime(true) < $deadline) {
                usleep(20000);
            }
        }
        proc_close($process);
    }

    /** Waits until $url answers HTTP (any status); throws with the log's tail when it does not. */
    public static function waitForHttp(string $url, string $logFile, $process, float $seconds = 90.0): void
    {
        $deadline = microtime(true) + $seconds;
        while (microtime(true) < $deadline) {
            if (is_resource($process) && !proc_get_status($process)['running']) {
                break;
            }
            $curl = curl_init($url);
            curl_setopt_array($curl, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 2, CURLOPT_CONNECTTIMEOUT => 1]);
            curl_exec($curl);
            $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
            curl_close($curl);
            if ($status > 0) {
                return;
            }
            usleep(200000);
        }
        $log = is_file($logFile) ? (string) file_get_contents($logFile) : '';
        throw new \RuntimeException("The jetpack-whmcs process did not answer at {$url}. Its output:\n" . substr($log, -4000));
    }

    public static function freePort(): int
    {
        $server = stream_socket_server('tcp://127.0.0.1:0', $errno, $error);
        if ($server === false) {
            throw new \RuntimeException("No free loopback port: {$error}");
        }
        $name = (string) stream_socket_get_name($server, false);
        fclose($server);

        return (int) substr($name, strrpos($name, ':') + 1);
    }

    /** @return array<string, string> the environment without settings that would steer the binary elsewhere */
    private static function environment(): array
    {
        $env = getenv();
        foreach (array_keys($env) as $name) {
            if (str_starts_with($name, 'JETPACK_WHMCS_') && $name !== 'JETPACK_WHMCS_BIN') {
                unset($env[$name]);
            }
        }
        $env['DOTNET_CLI_TELEMETRY_OPTOUT'] = '1';
        $env['DOTNET_NOLOGO'] = '1';

        return $env;
    }
}
