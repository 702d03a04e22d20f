<?php

/**
 * Jetpack addon module for WHMCS: the operator's pages (licences, drift, costs, products), the
 * dashboard widget and the daily check, all served by the jetpack-whmcs service.
 *
 * The same module name as Automattic's addon module, so WHMCS keeps its activation and its saved
 * api_token. Every function is one line into lib/; the service holds all logic and rendering.
 *
 * Both our modules are named "jetpack" and PHP function names ignore case: this file must define no
 * function a provisioning entry point uses (no _clientarea: it would be jetpack_ClientArea).
 */

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly.');
}

require_once __DIR__ . '/lib/load.php';

use WHMCS\Module\Addon\Jetpack\AddonSettings;
use WHMCS\Module\Addon\Jetpack\AdminPage;
use WHMCS\Module\Addon\Jetpack\Lifecycle;

function jetpack_config()
{
    return AddonSettings::config();
}

function jetpack_activate()
{
    return Lifecycle::activate();
}

function jetpack_deactivate()
{
    return Lifecycle::deactivate();
}

function jetpack_upgrade($vars)
{
    return Lifecycle::upgrade($vars);
}

function jetpack_output($vars)
{
    echo AdminPage::output($vars);
}

function jetpack_sidebar($vars)
{
    return AdminPage::sidebar($vars);
}
