<?php

namespace WHMCS\Module\Server\Jetpack;

/**
 * Where the jetpack-whmcs service listens and the secret that signs calls to it, read from the
 * config.php that `jetpack-whmcs whmcs install` writes next to jetpack.php.
 */
final class BridgeConfig
{
    private const DEFAULT_CONNECT_TIMEOUT = 3;
    private const DEFAULT_TIMEOUT = 25;
    private const INSTALL_HINT =
        'run "jetpack-whmcs whmcs install --whmcs-root <your WHMCS folder>" on the WHMCS server';

    public function __construct(
        public readonly string $serviceUrl,
        public readonly string $secret,
        public readonly int $connectTimeout,
        public readonly int $timeout
    ) {
    }

    /**
     * Reads and checks the configuration file.
     *
     * @throws \RuntimeException with a sentence an administrator can act on
     */
    public static function load(string $path): self
    {
        if (!is_file($path) || !is_readable($path)) {
            throw new \RuntimeException(
                'The Jetpack module is not configured (modules/servers/jetpack/config.php is missing '
                . 'or unreadable by WHMCS): ' . self::INSTALL_HINT . '.'
            );
        }
        $values = include $path;
        if (!is_array($values)) {
            throw new \RuntimeException(
                'modules/servers/jetpack/config.php does not return the module settings: '
                . self::INSTALL_HINT . ' again.'
            );
        }
        $url = isset($values['service_url']) && is_string($values['service_url'])
            ? rtrim($values['service_url'], '/')
            : '';
        if (!preg_match('#^https?://[^\s/]+#i', $url)) {
            throw new \RuntimeException(
                'The service_url in modules/servers/jetpack/config.php is not an http(s) URL: set it to the '
                . 'jetpack-whmcs service address, e.g. http://127.0.0.1:8787.'
            );
        }
        $secret = isset($values['secret']) && is_string($values['secret']) ? trim($values['secret']) : '';
        if ($secret === '') {
            throw new \RuntimeException(
                'The secret in modules/servers/jetpack/config.php is empty: ' . self::INSTALL_HINT . ' again.'
            );
        }

        return new self(
            $url,
            $secret,
            self::positiveInt($values['connect_timeout'] ?? null, self::DEFAULT_CONNECT_TIMEOUT),
            self::positiveInt($values['timeout'] ?? null, self::DEFAULT_TIMEOUT)
        );
    }

    private static function positiveInt($value, int $default): int
    {
        if (is_int($value) && $value > 0) {
            return $value;
        }
        if (is_string($value) && ctype_digit($value) && (int) $value > 0) {
            return (int) $value;
        }

        return $default;
    }
}
