<?php

namespace WHMCS\Module\Addon\Jetpack;

use WHMCS\Module\Server\Jetpack\BridgeConfig;
use WHMCS\Module\Server\Jetpack\ServiceClient;
use WHMCS\Module\Server\Jetpack\ServiceReply;

/**
 * Sends one admin action to the service with the provisioning module's own configuration and signed
 * client (modules/servers/jetpack: config.php, lib/), so the secret and the signing exist once.
 */
final class AdminService
{
    private const PROVISIONING_LIB = ['BridgeConfig.php', 'ServiceReply.php', 'ServiceClient.php'];

    /** The cron hooks' actor (docs/admin-protocol.md). */
    public const CRON_ADMIN = ['id' => 0, 'username' => 'cron'];

    /**
     * @param array<string, mixed> $body the request body; "admin" is required by the service
     * @return array{0: array<string, mixed>|null, 1: string|null} the decoded answer, or null and a sentence
     */
    public static function call(string $action, array $body): array
    {
        $folder = self::provisioningFolder();
        foreach (self::PROVISIONING_LIB as $file) {
            if (!is_file($folder . '/lib/' . $file)) {
                return [null, 'The Jetpack provisioning module is missing from modules/servers/jetpack: run '
                    . '"jetpack-whmcs whmcs install --whmcs-root <your WHMCS folder>" on the WHMCS server.'];
            }
            require_once $folder . '/lib/' . $file;
        }
        try {
            $config = BridgeConfig::load($folder . '/config.php');
            $reply = (new ServiceClient($config))->admin($action, $body);
        } catch (\RuntimeException $e) {
            // BridgeConfig's sentences say what to do (install, fix service_url).
            return [null, $e->getMessage()];
        } catch (\Throwable $e) {
            return [null, 'The Jetpack addon failed while preparing its request (' . get_class($e)
                . '): check the PHP error log.'];
        }

        return self::unwrap($reply);
    }

    /** @return array{0: array<string, mixed>|null, 1: string|null} */
    private static function unwrap(ServiceReply $reply): array
    {
        if ($reply->failed()) {
            return [null, (string) $reply->error];
        }

        return [is_array($reply->value) ? $reply->value : [], null];
    }

    private static function provisioningFolder(): string
    {
        return dirname(__DIR__, 3) . '/servers/jetpack';
    }
}
