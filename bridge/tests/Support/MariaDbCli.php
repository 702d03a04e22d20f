<?php

namespace JetpackBridgeTests;

/**
 * Runs SQL through the `mariadb` client (Debian's mariadb-client, which the test script installs),
 * so that the suite needs no PHP database extension beyond what WHMCS's module itself uses.
 */
final class MariaDbCli
{
    /** @param array{host: string, port: string, user: string, password: string} $server */
    public function __construct(private readonly array $server)
    {
    }

    /** The server named by JETPACK_WHMCS_TEST_MYSQL (a MySqlConnector connection string). */
    public static function fromEnvironment(): self
    {
        $connection = getenv('JETPACK_WHMCS_TEST_MYSQL');
        if (!is_string($connection) || $connection === '') {
            throw new \RuntimeException(
                'JETPACK_WHMCS_TEST_MYSQL is not set: start the test MariaDB with scripts/mariadb.sh start and '
                . 'source .test-run/mariadb.env (scripts/test does both).'
            );
        }
        $values = [];
        foreach (explode(';', $connection) as $pair) {
            if (str_contains($pair, '=')) {
                [$key, $value] = explode('=', $pair, 2);
                $values[strtolower(trim($key))] = trim($value);
            }
        }

        return new self([
            'host' => $values['server'] ?? $values['host'] ?? '127.0.0.1',
            'port' => $values['port'] ?? '3306',
            'user' => $values['uid'] ?? $values['user id'] ?? $values['user'] ?? $values['username'] ?? '',
            'password' => $values['password'] ?? $values['pwd'] ?? '',
        ]);
    }

    /** @return array{host: string, port: string, user: string, password: string} */
    public function server(): array
    {
        return $this->server;
    }

    /**
     * Runs $sql (one or more statements) and returns the rows of the last result, as lists of strings
     * ("NULL" for SQL NULL).
     *
     * @return array<int, array<int, string>>
     */
    public function query(string $sql, string $database = ''): array
    {
        $command = [
            'mariadb', '--protocol=TCP', '--host=' . $this->server['host'], '--port=' . $this->server['port'],
            '--user=' . $this->server['user'], '--batch', '--skip-column-names', '--raw',
        ];
        if ($database !== '') {
            $command[] = $database;
        }
        $env = getenv();
        $env['MYSQL_PWD'] = $this->server['password'];
        $process = proc_open($command, [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, $env);
        if (!is_resource($process)) {
            throw new \RuntimeException('Could not run the mariadb client: install mariadb-client.');
        }
        fwrite($pipes[0], $sql);
        fclose($pipes[0]);
        $out = (string) stream_get_contents($pipes[1]);
        $err = (string) stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        if (proc_close($process) !== 0) {
            throw new \RuntimeException("The mariadb client failed: {$err}");
        }
        $rows = [];
        foreach (explode("\n", rtrim($out, "\n")) as $line) {
            if ($line !== '') {
                $rows[] = explode("\t", $line);
            }
        }

        return $rows;
    }

    /** A SQL string literal. */
    public static function quote(string $value): string
    {
        return "'" . str_replace(['\\', "'"], ['\\\\', "\\'"], $value) . "'";
    }
}
