<?php

namespace JetpackBridgeTests;

/**
 * A real HTTP server (PHP's built-in one) in the service's place, recording what the addon module
 * sends, so a test can assert on every field and check the signature with the bridge secret.
 */
final class RecordingService
{
    public readonly string $url;
    private string $dir;
    /** @var resource */
    private $process;

    public function __construct(string $scratch)
    {
        $this->dir = $scratch . '/recorder-' . bin2hex(random_bytes(4));
        mkdir($this->dir . '/requests', 0755, true);
        $port = Processes::freePort();
        $this->url = 'http://127.0.0.1:' . $port;
        $env = getenv();
        $env['JETPACK_RECORDER_DIR'] = $this->dir;
        $log = $this->dir . '/server.log';
        $process = proc_open(
            [PHP_BINARY, '-S', '127.0.0.1:' . $port, dirname(__DIR__) . '/Fixtures/recording-service.php'],
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', $log, 'a'], 2 => ['file', $log, 'a']],
            $pipes,
            null,
            $env
        );
        if (!is_resource($process)) {
            throw new \RuntimeException('Could not start PHP\'s built-in server for the recording service.');
        }
        $this->process = $process;
        $this->reply(200, ['html' => '<p>ready</p>']);
        Processes::waitForHttp($this->url . '/', $log, $process, 20.0);
        $this->clear();
    }

    /** @param array<mixed>|string $body what the next requests are answered with */
    public function reply(int $status, $body): void
    {
        $text = is_string($body) ? $body : json_encode($body, JSON_UNESCAPED_SLASHES);
        file_put_contents($this->dir . '/reply.json', json_encode(['status' => $status, 'body' => $text]));
    }

    /** @return array<int, array{method: string, path: string, headers: array<string, string>, body: string}> */
    public function requests(): array
    {
        $files = glob($this->dir . '/requests/*.json') ?: [];
        sort($files);

        return array_map(static fn (string $f) => json_decode((string) file_get_contents($f), true), $files);
    }

    public function clear(): void
    {
        foreach (glob($this->dir . '/requests/*.json') ?: [] as $file) {
            unlink($file);
        }
    }

    public function stop(): void
    {
        Processes::stop($this->process, false);
    }
}
