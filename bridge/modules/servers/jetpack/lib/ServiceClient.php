<?php

namespace WHMCS\Module\Server\Jetpack;

/**
 * Signs one call and posts it to the jetpack-whmcs service (docs/bridge-protocol.md): HMAC-SHA256
 * over "v1\n{name}\n{timestamp}\n{nonce}\n{body}" keyed with the bridge secret, where the name is the
 * module function, or "admin/{action}" for the addon module's calls (docs/admin-protocol.md).
 */
final class ServiceClient
{
    public function __construct(private readonly BridgeConfig $config)
    {
    }

    /**
     * A module call: POST /module/{function}, body {"params": ...}; the value is the answer's "result".
     *
     * @param array<string, mixed> $params the marshalled parameters
     * @param array<string, mixed>|null $actor who caused the call (Actor::of), recorded in the service's audit
     */
    public function call(string $function, array $params, ?array $actor = null): ServiceReply
    {
        $payload = ['params' => (object) $params];
        if ($actor !== null) {
            $payload['actor'] = $actor;
        }
        $reply = $this->post($function, '/module/' . rawurlencode($function), $payload, 'WHMCS parameters');
        if ($reply->failed()) {
            return $reply;
        }
        if (!is_array($reply->value) || !array_key_exists('result', $reply->value)) {
            return ServiceReply::failure(self::unreadable($function), $reply->log);
        }

        return new ServiceReply($reply->value['result'], null, $reply->log);
    }

    /**
     * An admin call from the addon module (docs/admin-protocol.md): POST /admin/{action}, signed over
     * "admin/{action}" so that a module call's signature can never be replayed here; the value is the
     * whole decoded answer object.
     *
     * @param array<string, mixed> $body
     */
    public function admin(string $action, array $body): ServiceReply
    {
        $name = 'admin/' . $action;
        $reply = $this->post($name, '/admin/' . rawurlencode($action), $body, 'admin request');
        if ($reply->failed()) {
            return $reply;
        }
        if (!is_array($reply->value)) {
            return ServiceReply::failure(self::unreadable($name), $reply->log);
        }

        return $reply;
    }

    /**
     * Signs $body with the name the service checks and posts it; the value is the decoded 200 answer.
     *
     * @param array<string, mixed> $body
     */
    private function post(string $signedName, string $path, array $body, string $what): ServiceReply
    {
        if (!function_exists('curl_init')) {
            return ServiceReply::failure(
                'The PHP curl extension is not installed on the WHMCS server: install php-curl and reload PHP.'
            );
        }
        $json = json_encode(
            (object) $body,
            JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE
        );
        if ($json === false) {
            return ServiceReply::failure(
                "The module could not encode the {$what} as JSON: " . json_last_error_msg() . '.'
            );
        }
        $timestamp = (string) time();
        $nonce = bin2hex(random_bytes(16));
        $signature = hash_hmac('sha256', "v1\n{$signedName}\n{$timestamp}\n{$nonce}\n{$json}", $this->config->secret);
        $url = $this->config->serviceUrl . $path;

        $curl = curl_init($url);
        curl_setopt_array($curl, [
            CURLOPT_POST => true,
            CURLOPT_POSTFIELDS => $json,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_HTTPHEADER => [
                'Content-Type: application/json',
                'Accept: application/json',
                'X-Jetpack-Whmcs-Timestamp: ' . $timestamp,
                'X-Jetpack-Whmcs-Nonce: ' . $nonce,
                'X-Jetpack-Whmcs-Signature: ' . $signature,
                'Expect:',
            ],
            CURLOPT_CONNECTTIMEOUT => $this->config->connectTimeout,
            CURLOPT_TIMEOUT => $this->config->timeout,
            CURLOPT_FOLLOWLOCATION => false,
            CURLOPT_PROTOCOLS => CURLPROTO_HTTP | CURLPROTO_HTTPS,
            CURLOPT_NOSIGNAL => true,
        ]);
        $started = microtime(true);
        $raw = curl_exec($curl);
        $elapsed = (int) round((microtime(true) - $started) * 1000);
        $errno = curl_errno($curl);
        $curlError = curl_error($curl);
        $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        curl_close($curl);

        if ($raw === false || $errno !== 0) {
            return ServiceReply::failure(
                $this->transportSentence($errno, $curlError),
                "no answer after {$elapsed} ms (curl error {$errno}: {$curlError})"
            );
        }
        $log = "HTTP {$status} in {$elapsed} ms\n" . $raw;
        $decoded = json_decode((string) $raw, true);
        if ($status !== 200) {
            $reason = is_array($decoded) && isset($decoded['error']) && is_string($decoded['error'])
                ? rtrim($decoded['error'], '. ') . '.'
                : 'it gave no reason.';
            $hint = $status === 401
                ? ' Check that the secret in modules/servers/jetpack/config.php matches the service\'s bridge-secret '
                    . '(re-run "jetpack-whmcs whmcs install") and that both clocks are right.'
                : '';

            return ServiceReply::failure(
                "The jetpack-whmcs service refused {$signedName} (HTTP {$status}): {$reason}{$hint}",
                $log
            );
        }

        return new ServiceReply($decoded, null, $log);
    }

    private static function unreadable(string $name): string
    {
        return "The jetpack-whmcs service answered {$name} with a body the module cannot read: "
            . 'check the service log and that the service and the module come from the same release.';
    }

    private function transportSentence(int $errno, string $curlError): string
    {
        $url = $this->config->serviceUrl;
        if ($errno === CURLE_OPERATION_TIMEDOUT) {
            return "The jetpack-whmcs service at {$url} did not answer within {$this->config->timeout} seconds: "
                . 'check that it is running and healthy (GET /healthz); retrying the action is safe.';
        }

        return "The jetpack-whmcs service at {$url} could not be reached ({$curlError}): start the service, "
            . 'or correct service_url in modules/servers/jetpack/config.php.';
    }
}
