<?php

/**
 * Loads the provisioning bridge's classes (no autoloader: WHMCS's own must not be disturbed). The
 * module file loads them at once; hooks.php, which WHMCS includes on every page, only when a hook runs.
 */

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly.');
}

require_once __DIR__ . '/BridgeConfig.php';
require_once __DIR__ . '/ParamsMarshaller.php';
require_once __DIR__ . '/ServiceReply.php';
require_once __DIR__ . '/Actor.php';
require_once __DIR__ . '/ServiceClient.php';
require_once __DIR__ . '/ModuleLog.php';
require_once __DIR__ . '/Fallback.php';
require_once __DIR__ . '/Bridge.php';
require_once __DIR__ . '/Lang.php';
require_once __DIR__ . '/ClientSide.php';
require_once __DIR__ . '/Upsell.php';
