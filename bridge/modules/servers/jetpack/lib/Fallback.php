<?php

namespace WHMCS\Module\Server\Jetpack;

/**
 * What the array functions return when the service cannot answer: the right shape, with the
 * sentence saying why, so that WHMCS pages keep working while the service is down.
 */
final class Fallback
{
    /**
     * The product settings without the service's help. Positions must match the service's
     * ConfigOptions: WHMCS stores values by position (configoption1..N), never by name.
     *
     * @return array<string, array<string, mixed>>
     */
    public static function configOptions(string $error): array
    {
        return [
            'API Token' => [
                'FriendlyName' => 'API Token',
                'Type' => 'password',
                'Size' => '64',
                // WHMCS prints a Description as HTML, and the sentence may quote text from elsewhere.
                'Description' => 'Product settings are shown without the jetpack-whmcs service: ' . Bridge::html($error)
                    . ' Saved values are kept.',
                'SimpleMode' => true,
            ],
            'Jetpack Product' => [
                'FriendlyName' => 'Jetpack Product',
                'Type' => 'text',
                'Size' => '40',
                'Description' => 'The Jetpack product slug (e.g. jetpack-backup-daily); the product list '
                    . 'returns when the service is reachable.',
                'SimpleMode' => true,
            ],
            'Show User License' => [
                'FriendlyName' => 'Show User License',
                'Type' => 'yesno',
                'Description' => 'Show the licence key and activation link in the client area.',
                'SimpleMode' => true,
            ],
            'Suspension Policy' => [
                'FriendlyName' => 'Suspension Policy',
                'Type' => 'dropdown',
                'Options' => ['keep' => 'Keep the licence attached', 'detach' => 'Detach it while suspended'],
                'Default' => 'keep',
                'Description' => 'What suspending the service does to its licence.',
                'SimpleMode' => true,
            ],
            'Attach On Create' => [
                'FriendlyName' => 'Attach On Create',
                'Type' => 'yesno',
                'Description' => 'Attach the new licence to the service\'s domain right after issuing it.',
                'SimpleMode' => true,
            ],
            'Detach Emails Site Owner' => [
                'FriendlyName' => 'Detach Emails Site Owner',
                'Type' => 'yesno',
                'Description' => 'Let Jetpack e-mail the site owner when a licence is detached.',
                'SimpleMode' => true,
            ],
        ];
    }

    /** @return array{success: bool, error: string} */
    public static function testConnection(string $error): array
    {
        return ['success' => false, 'error' => $error];
    }

    /** @return array<string, string> */
    public static function adminButtons(): array
    {
        return [
            'Attach License' => 'AttachLicense',
            'Detach License' => 'DetachLicense',
            'Refresh Status' => 'RefreshStatus',
            'Reissue License' => 'ReissueLicense',
        ];
    }

    /** @return array<string, string> */
    public static function adminTab(string $error): array
    {
        return ['Jetpack License' => Bridge::html($error)];
    }

    /**
     * The customer sees a sentence in the usual template, never the administrator's details.
     *
     * @param mixed $params
     * @return array<string, mixed>
     */
    public static function clientArea($params): array
    {
        $show = is_array($params) && isset($params['configoption3']) && is_scalar($params['configoption3'])
            ? strtolower(trim((string) $params['configoption3']))
            : '';
        if (in_array($show, ['', '0', 'off', 'no'], true)) {
            return [];
        }

        return [
            'templatefile' => 'jetpack_license',
            'vars' => [
                'license_key' => '',
                'state' => 'unavailable',
                'product_name' => '',
                'domain' => '',
                'activation_url' => '',
                'getting_started_url' => '',
                'message' => 'Your Jetpack licence details cannot be shown right now. Please try again in a few '
                    . 'minutes, or contact support if this persists.',
            ],
        ];
    }

    /**
     * @param mixed $params
     * @return array<mixed>
     */
    public static function forFunction(string $function, $params, string $error): array
    {
        switch ($function) {
            case 'ConfigOptions':
                return self::configOptions($error);
            case 'TestConnection':
                return self::testConnection($error);
            case 'AdminCustomButtonArray':
                return self::adminButtons();
            case 'AdminServicesTabFields':
                return self::adminTab($error);
            case 'ClientArea':
                return self::clientArea($params);
            default:
                return [];
        }
    }
}
