<?php

/**
 * Plays WHMCS opening the addon module's admin page (addonmodules.php?module=jetpack) in a fresh PHP
 * process, so nothing of the bridge is loaded beforehand: loads modules/addons/jetpack/jetpack.php
 * from the WHMCS root given as the first argument and calls its _output as WHMCS does. Prints JSON:
 * the page, the exception that escaped it (as WHMCS would show it), every PHP warning or notice, and
 * what was written with logModuleCall.
 */

if ($argc < 2) {
    fwrite(STDERR, "Usage: php addon-page.php WHMCS_ROOT\n");
    exit(2);
}

define('WHMCS', true);
error_reporting(E_ALL);

$warnings = [];
set_error_handler(static function (int $level, string $message, string $file, int $line) use (&$warnings): bool {
    $warnings[] = "{$message} ({$file}:{$line})";

    return true;
});

$moduleLog = [];

function logModuleCall($module, $action, $request, $response, $processed = '', $replaceVars = [])
{
    $GLOBALS['moduleLog'][] = compact('module', 'action', 'request', 'response', 'processed', 'replaceVars');
}

require $argv[1] . '/modules/addons/jetpack/jetpack.php';

$error = null;
ob_start();
try {
    jetpack_output(['modulelink' => 'addonmodules.php?module=jetpack', 'api_token' => '']);
} catch (\Throwable $e) {
    $error = ['class' => get_class($e), 'message' => $e->getMessage()];
}
$page = (string) ob_get_clean();

echo json_encode(
    ['page' => $page, 'error' => $error, 'warnings' => $warnings, 'moduleLog' => $moduleLog],
    JSON_THROW_ON_ERROR | JSON_INVALID_UTF8_SUBSTITUTE
);
