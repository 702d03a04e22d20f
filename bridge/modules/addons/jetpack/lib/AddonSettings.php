<?php

namespace WHMCS\Module\Addon\Jetpack;

/** The addon's settings, saved by WHMCS in tbladdonmodules and handed to every function in $vars. */
final class AddonSettings
{
    /** The keys of jetpack_config()'s fields: the only entries of $vars forwarded as settings. */
    public const KEYS = ['api_token', 'client_changes_per_day', 'upsell'];

    /** @return array<string, mixed> */
    public static function config(): array
    {
        return [
            'name' => 'Jetpack',
            'description' => 'Jetpack licences, drift, costs and product set-up, served by the jetpack-whmcs service.',
            'author' => 'jetpack-whmcs',
            'language' => 'english',
            'version' => '2.0.0',
            'fields' => [
                // Same key and type as Automattic's addon module, so the saved token keeps working;
                // the service's pages show only its fingerprint.
                'api_token' => [
                    'FriendlyName' => 'Jetpack Partner API Token',
                    'Type' => 'text',
                    'Size' => '60',
                    'Description' => 'Used for the products and addons this module creates; change it on the Products page, which checks it first.',
                ],
                'client_changes_per_day' => [
                    'FriendlyName' => 'Client changes per day',
                    'Type' => 'text',
                    'Size' => '4',
                    'Default' => '5',
                    'Description' => 'How many licence changes (attach, detach, reissue) a client may make per service each day.',
                ],
                'upsell' => [
                    'FriendlyName' => 'Client-area upsell',
                    'Type' => 'yesno',
                    'Default' => '',
                    'Description' => 'Offer Jetpack products to clients in the client area.',
                ],
            ],
        ];
    }

    /**
     * The saved settings found in $vars, as strings (WHMCS passes them as strings; anything else is
     * left out rather than guessed).
     *
     * @param mixed $vars
     * @return array<string, string>
     */
    public static function fromVars($vars): array
    {
        $settings = [];
        foreach (self::KEYS as $key) {
            if (is_array($vars) && isset($vars[$key]) && is_scalar($vars[$key])) {
                $settings[$key] = (string) $vars[$key];
            }
        }

        return $settings;
    }
}
