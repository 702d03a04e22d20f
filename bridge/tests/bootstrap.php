<?php

/**
 * Plays WHMCS for the bridge: defines the WHMCS constant, logModuleCall and the admin functions the
 * addon module calls, installs both modules with the real `jetpack-whmcs whmcs install` command into a
 * scratch WHMCS tree, and loads them (and the addon's hooks.php) from there, in one PHP process.
 * The service itself starts on first use (TestEnvironment::service()).
 */

error_reporting(E_ALL);
ini_set('display_errors', '1');

define('WHMCS', true);

require_once __DIR__ . '/Support/ModuleLogRecorder.php';
require_once __DIR__ . '/Support/FakeModel.php';
require_once __DIR__ . '/Support/WhmcsParams.php';
require_once __DIR__ . '/Support/Processes.php';
require_once __DIR__ . '/Support/TestEnvironment.php';
require_once __DIR__ . '/Support/BridgeTestCase.php';
require_once __DIR__ . '/Support/SmartyRenderer.php';
require_once __DIR__ . '/Support/Sandbox.php';
require_once __DIR__ . '/Support/MariaDbCli.php';
require_once __DIR__ . '/Support/AdminHost.php';
require_once __DIR__ . '/Support/RecordingService.php';

/** WHMCS's module-log function, recording each call for the tests to inspect. */
function logModuleCall($module, $action, $request, $response, $processed = '', $replaceVars = [])
{
    \JetpackBridgeTests\ModuleLogRecorder::record($module, $action, $request, $response, $processed, $replaceVars);
}

/** WHMCS's CSRF functions, the admin API and hook registration, played by AdminHost. */
function check_token($namespace = 'WHMCS.default', $token = '')
{
    return \JetpackBridgeTests\AdminHost::checkToken($namespace);
}

function generate_token($type = 'form')
{
    return \JetpackBridgeTests\AdminHost::generateToken($type);
}

function localAPI($command, $values = [], $adminUser = '')
{
    return \JetpackBridgeTests\AdminHost::localApi($command, $values);
}

function add_hook($hook, $priority, $function)
{
    \JetpackBridgeTests\AdminHost::addHook($hook, $function);
}

\JetpackBridgeTests\TestEnvironment::get()->installAndLoadModule();
