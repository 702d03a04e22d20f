<?php

namespace JetpackBridgeTests;

/** Reads licences straight from the Jetpack Licensing API sandbox that `serve --sandbox` runs in-process. */
final class Sandbox
{
    public function __construct(private readonly string $baseUrl, private readonly string $token)
    {
    }

    /** The sandbox started by `serve --sandbox`: its address is printed on the service's first line. */
    public static function ofService(string $serviceLog, string $token): self
    {
        $log = (string) file_get_contents($serviceLog);
        if (!preg_match('#sandbox\s+on\s+(https?://\S+)#', $log, $m)) {
            throw new \RuntimeException("The service log does not say where its sandbox listens:\n" . substr($log, 0, 2000));
        }

        return new self(rtrim($m[1], '/'), $token);
    }

    /** @return array<string, mixed> the licence as the API returns it */
    public function license(string $key): array
    {
        [$status, $body] = $this->request('GET', '/license?license_key=' . rawurlencode($key));
        if ($status !== 200) {
            throw new \RuntimeException("The sandbox answered {$status} for licence {$key}: {$body}");
        }

        return json_decode($body, true, 512, JSON_THROW_ON_ERROR);
    }

    /** Whether the partner's licence list shows the key as attached to a site. */
    public function isAttached(string $key): bool
    {
        [$status, $body] = $this->request('GET', '/licenses?filter=attached&per_page=100&search=' . rawurlencode($key));
        if ($status !== 200) {
            throw new \RuntimeException("The sandbox answered {$status} to the licence list: {$body}");
        }
        foreach (json_decode($body, true, 512, JSON_THROW_ON_ERROR)['items'] ?? [] as $item) {
            if (($item['license_key'] ?? null) === $key) {
                return true;
            }
        }

        return false;
    }

    /** Issues a licence directly on the sandbox (as the original module did), returning the licence. */
    public function issue(string $product): array
    {
        [$status, $body] = $this->request('POST', '/license?product=' . rawurlencode($product));
        if ($status !== 200) {
            throw new \RuntimeException("The sandbox refused to issue {$product} ({$status}): {$body}");
        }

        return json_decode($body, true, 512, JSON_THROW_ON_ERROR);
    }

    /**
     * The public catalogue, read as the original module read it (GET product-families, no token).
     *
     * @return array<int, array<string, mixed>> the families as the API returns them
     */
    public function productFamilies(): array
    {
        $curl = curl_init($this->baseUrl . '/product-families');
        curl_setopt_array($curl, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 10]);
        $body = (string) curl_exec($curl);
        $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        curl_close($curl);
        if ($status !== 200) {
            throw new \RuntimeException("The sandbox answered {$status} to product-families: {$body}");
        }

        return json_decode($body, true, 512, JSON_THROW_ON_ERROR);
    }

    /** @return array{0: int, 1: string} */
    private function request(string $method, string $pathAndQuery): array
    {
        $curl = curl_init($this->baseUrl . $pathAndQuery);
        curl_setopt_array($curl, [
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_HTTPHEADER => ['Authorization: Bearer ' . $this->token, 'Accept: application/json'],
            CURLOPT_TIMEOUT => 10,
        ]);
        $body = (string) curl_exec($curl);
        $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        curl_close($curl);

        return [$status, $body];
    }
}
