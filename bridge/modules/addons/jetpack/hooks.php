<?php

/**
 * The Jetpack addon's hooks. WHMCS loads this file on every page while the addon is active, so it
 * only registers closures; the classes load when a hook runs.
 */

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly.');
}

add_hook('DailyCronJob', 1, function ($vars) {
    require_once __DIR__ . '/lib/load.php';
    \WHMCS\Module\Addon\Jetpack\CronHooks::dailyCheck();
});

add_hook('AfterCronJob', 1, function ($vars) {
    require_once __DIR__ . '/lib/load.php';
    \WHMCS\Module\Addon\Jetpack\CronHooks::notices();
});

add_hook('AdminHomeWidgets', 1, function () {
    // Outside WHMCS (or in a version without widgets) there is no base class: no widget, no fatal.
    if (!class_exists('\WHMCS\Module\AbstractWidget')) {
        return null;
    }
    require_once __DIR__ . '/lib/load.php';
    require_once __DIR__ . '/lib/DashboardWidget.php';

    return new \WHMCS\Module\Addon\Jetpack\DashboardWidget();
});
