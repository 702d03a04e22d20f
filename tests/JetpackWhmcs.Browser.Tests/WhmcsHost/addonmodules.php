<?php

/** WHMCS's addonmodules.php?module=NAME: the addon's _sidebar and _output inside the admin layout. */

require __DIR__ . '/host/bootstrap.php';
host_require_admin();

$module = is_string($_GET['module'] ?? null) ? $_GET['module'] : '';
if ($module !== 'jetpack') {
    http_response_code(404);
    exit('No such addon module.');
}
require HOST_ROOT . '/modules/addons/jetpack/jetpack.php';
$vars = host_addon_vars($module);
if ($vars === null) {
    http_response_code(403);
    exit('The addon module is not activated.');
}

// WHMCS asks for the sidebar, then captures the output the module echoes.
$sidebar = (string) jetpack_sidebar($vars);
ob_start();
jetpack_output($vars);
$content = (string) ob_get_clean();
$title = 'Jetpack';
require HOST_ROOT . '/host/admin-layout.php';
