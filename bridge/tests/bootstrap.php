<?php

/**
 * Plays WHMCS for the bridge: defines the WHMCS constant and logModuleCall, installs the module with
 * the real `jetpack-whmcs whmcs install` command into a scratch WHMCS tree, and loads it from there.
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

/** WHMCS's module-log function, recording each call for the tests to inspect. */
function logModuleCall($module, $action, $request, $response, $processed = '', $replaceVars = [])
{
    \JetpackBridgeTests\ModuleLogRecorder::record($module, $action, $request, $response, $processed, $replaceVars);
}

/** WHMCS's hook registration, recording each hook for the tests to run (hooks.php of the module). */
function add_hook($hookPoint, $priority, $function)
{
    $GLOBALS['jetpack_test_hooks'][$hookPoint][] = $function;
}

\JetpackBridgeTests\TestEnvironment::get()->installAndLoadModule();
