<?php

/** Loads the addon module's classes (no autoloader: WHMCS's own must not be disturbed). */

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly.');
}

require_once __DIR__ . '/AddonSettings.php';
require_once __DIR__ . '/Language.php';
require_once __DIR__ . '/Alert.php';
require_once __DIR__ . '/AdminService.php';
require_once __DIR__ . '/AdminRequest.php';
require_once __DIR__ . '/AdminPage.php';
require_once __DIR__ . '/Lifecycle.php';
require_once __DIR__ . '/CronHooks.php';
