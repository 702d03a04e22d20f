<?php

/**
 * Plays WHMCS for the chaos run: loads the jetpack module that `jetpack-whmcs whmcs install` put into
 * a WHMCS tree, then calls its functions as WHMCS would, one per line read from stdin:
 *   {"function": "CreateAccount", "params": {...}}   (params.model becomes an object, as WHMCS's model is)
 * and writes one line per call to stdout: {"result": <what the module function returned>} or
 * {"error": "<message of an exception it threw>"}.
 *
 * Usage: php whmcs-worker.php <WHMCS root>
 */

error_reporting(E_ALL);
ini_set('display_errors', 'stderr');

define('WHMCS', true);

/** WHMCS's module log: nothing to keep here; the service's own log and audit are what the run checks. */
function logModuleCall($module, $action, $request, $response, $processed = '', $replaceVars = [])
{
}

$root = $argv[1] ?? '';
$module = $root . '/modules/servers/jetpack/jetpack.php';
if (!is_file($module)) {
    fwrite(STDERR, "No jetpack module in {$root}: run jetpack-whmcs whmcs install first.\n");
    exit(2);
}
require_once $module;

while (($line = fgets(STDIN)) !== false) {
    $line = trim($line);
    if ($line === '') {
        continue;
    }
    $call = json_decode($line, true);
    $function = 'jetpack_' . ($call['function'] ?? '');
    $params = $call['params'] ?? [];
    if (isset($params['model']) && is_array($params['model'])) {
        $params['model'] = (object) $params['model'];
    }
    try {
        if (!function_exists($function)) {
            throw new \RuntimeException("The module has no function {$function}.");
        }
        $answer = ['result' => $function($params)];
    } catch (\Throwable $e) {
        $answer = ['error' => $e->getMessage()];
    }
    echo json_encode($answer, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE), "\n";
    flush();
}
