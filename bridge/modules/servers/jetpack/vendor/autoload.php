<?php

/**
 * Kept for Automattic's Jetpack addon module (modules/addons/jetpack): its admin page includes this
 * file and then jetpack.php, and says "Provisioning module not installed" unless both includes
 * succeed. The original module shipped Composer's autoloader here; this bridge has no dependencies,
 * so the file only loads the module's functions, jetpack_FetchProducts and
 * jetpack_FetchProductDescriptions among them. Loaded with require_once, so the addon's own
 * include_once of jetpack.php afterwards declares nothing twice.
 */

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly.');
}

require_once dirname(__DIR__) . '/jetpack.php';
