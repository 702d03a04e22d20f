<?php

/**
 * Client-area hooks of the Jetpack module (WHMCS loads a provisioning module's hooks.php on its pages):
 * the upsell panel on the client-area home and on a hosting service's page. Both show nothing unless
 * the addon module's "upsell" setting is on, and nothing when the service is slow or down. WHMCS
 * includes this file on every page, so the bridge's classes load only when a hook runs.
 */

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly.');
}

use WHMCS\Module\Server\Jetpack\Lang;
use WHMCS\Module\Server\Jetpack\Upsell;

if (function_exists('add_hook')) {
    add_hook('ClientAreaHomepagePanels', 1, function ($homePagePanels) {
        require_once __DIR__ . '/lib/load.php';
        if (!is_object($homePagePanels) || !method_exists($homePagePanels, 'addChild')) {
            return;
        }
        $html = Upsell::html(Upsell::offers(), Lang::languageOf([]));
        if ($html === '') {
            return;
        }
        $homePagePanels->addChild('jetpack-upsell', [
            'label' => Lang::text(Lang::languageOf([]), 'upsell_panel'),
            'icon' => 'fa-bolt',
            'order' => 150,
            'extras' => ['color' => 'green'],
            'bodyHtml' => $html,
        ]);
    });

    // The page's variables (for themes that place the panel themselves) ...
    add_hook('ClientAreaPageProductDetails', 1, function ($vars) {
        require_once __DIR__ . '/lib/load.php';
        $serviceId = is_array($vars) ? ($vars['serviceid'] ?? $vars['id'] ?? null) : null;
        if (!is_numeric($serviceId)) {
            return [];
        }

        return ['jetpack_upsell_html' => Upsell::html(Upsell::offers((int) $serviceId), Lang::languageOf([]))];
    });

    // ... and the panel itself under the service's details, in every theme (asked once per page).
    add_hook('ClientAreaProductDetailsOutput', 1, function ($vars) {
        require_once __DIR__ . '/lib/load.php';
        $service = is_array($vars) ? ($vars['service'] ?? null) : null;
        $serviceId = is_object($service) && isset($service->id) ? $service->id : null;
        if (!is_numeric($serviceId)) {
            return '';
        }

        return Upsell::html(Upsell::offers((int) $serviceId), Lang::languageOf([]));
    });
}
