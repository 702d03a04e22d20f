<?php

namespace WHMCS\Module\Server\Jetpack;

/**
 * Signs one call and posts it to the jetpack-whmcs service (docs/bridge-protocol.md): HMAC-SHA256
 * over "v1\n{function}\n{timestamp}\n{nonce}\n{body}" keyed with the bridge secret.
 */
final class ServiceClient
{
    public function __construct(private readonly BridgeConfig $config)
    {
    }

    /**
     * @param array<string, mixed> $params the marshalled parameters
     * @param array<string, mixed>|null $actor who caused the call (Actor::of), recorded in the service's audit
     */
    public function call(string $function, array $params, ?array $actor = null): ServiceReply
    {
        if (!function_exists('curl_init')) {
            return ServiceReply::failure(
                'The PHP curl extension is not installed on the WHMCS server: install php-curl and reload PHP.'
            );
        }
        $payload = ['params' => (object) $params];
        if ($actor !== null) {
            $payload['actor'] = $actor;
        }
        $body = json_encode(
            $payload,
            JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE
        );
        if ($body === false) {
            return ServiceReply::failure(
                'The module could not encode the WHMCS parameters as JSON: ' . json_last_error_msg() . '.'
            );
        }
        $timestamp = (string) time();
        $nonce = bin2hex(random_bytes(16));
        $signature = hash_hmac('sha256', "v1\n{$function}\n{$timestamp}\n{$nonce}\n{$body}", $this->config->secret);
        $url = $this->config->serviceUrl . '/module/' . rawurlencode($function);

        $curl = curl_init($url);
        curl_setopt_array($curl, [
            CURLOPT_POST => true,
            CURLOPT_POSTFIELDS => $body,
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
                "The jetpack-whmcs service refused {$function} (HTTP {$status}): {$reason}{$hint}",
                $log
            );
        }
        if (!is_array($decoded) || !array_key_exists('result', $decoded)) {
            return ServiceReply::failure(
                "The jetpack-whmcs service answered {$function} with a body the module cannot read: "
                . 'check the service log and that the service and the module come from the same release.',
                $log
            );
        }

        return new ServiceReply($decoded['result'], null, $log);
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
