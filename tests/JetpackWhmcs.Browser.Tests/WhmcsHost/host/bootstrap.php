<?php

/**
 * A minimal WHMCS, played by PHP's built-in server for the browser tests: the WHMCS constant, the
 * session, WHMCS's database (read from configuration.php, as WHMCS does), and the functions WHMCS
 * gives modules: check_token, generate_token, localAPI, logModuleCall, add_hook. Not WHMCS's code:
 * only what our modules call, behaving as WHMCS documents it.
 */

define('WHMCS', true);
define('HOST_ROOT', dirname(__DIR__));
define('HOST_STATE', HOST_ROOT . '/.host');

error_reporting(E_ALL);
ini_set('display_errors', '1');
ini_set('log_errors', '1');
ini_set('error_log', HOST_STATE . '/php-errors.log');
// Debian's Smarty 3.1 predates PHP 8.2; its own deprecations are not ours (the client area renders with it).
set_error_handler(static function (int $level, string $message, string $file, int $line): bool {
    if (($level & (E_DEPRECATED | E_USER_DEPRECATED)) !== 0 && str_contains($file, '/smarty')) {
        return true;
    }
    error_log("PHP {$message} in {$file}:{$line}");

    return false;
});

session_start();

/** WHMCS's database, from the configuration.php the fixture wrote (WHMCS's own format). */
function host_db(): PDO
{
    static $pdo = null;
    if ($pdo === null) {
        $db_host = $db_port = $db_username = $db_password = $db_name = '';
        include HOST_ROOT . '/configuration.php';
        $pdo = new PDO(
            "mysql:host={$db_host};port={$db_port};dbname={$db_name};charset=utf8mb4",
            $db_username,
            $db_password,
            [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION, PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC]
        );
    }

    return $pdo;
}

/** Appends one JSON line to a file of .host/ that the tests read (activity log, admin e-mails). */
function host_record(string $file, array $entry): void
{
    file_put_contents(HOST_STATE . '/' . $file, json_encode($entry, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE) . "\n", FILE_APPEND | LOCK_EX);
}

/** WHMCS's CSRF token: one per session, in every admin form as the field "token". */
function generate_token($type = 'form')
{
    if (empty($_SESSION['token'])) {
        $_SESSION['token'] = bin2hex(random_bytes(20));
    }

    return $type === 'plain' ? $_SESSION['token'] : '<input type="hidden" name="token" value="' . $_SESSION['token'] . '" />';
}

/** Compares the request's token with the session's (false on a mismatch; the module then refuses). */
function check_token($namespace = 'WHMCS.default', $token = '')
{
    $given = $token !== '' ? $token : ($_POST['token'] ?? $_GET['token'] ?? '');
    $ok = is_string($given) && !empty($_SESSION['token']) && hash_equals($_SESSION['token'], $given);
    host_record('token-checks.jsonl', ['namespace' => $namespace, 'ok' => $ok]);

    return $ok;
}

function localAPI($command, $values = [], $adminUser = '')
{
    switch ($command) {
        case 'GetAdminDetails':
            // The fields WHMCS documents for GetAdminDetails.
            return ['result' => 'success', 'adminid' => $_SESSION['adminid'] ?? 0, 'name' => $_SESSION['adminname'] ?? '',
                'notes' => '', 'signature' => '', 'allowedpermissions' => '', 'departments' => ''];
        case 'LogActivity':
            host_record('activity.jsonl', ['description' => (string) ($values['description'] ?? '')]);

            return ['result' => 'success'];
        case 'SendAdminEmail':
            host_record('admin-emails.jsonl', $values);

            return ['result' => 'success'];
        default:
            return ['result' => 'error', 'message' => "The test host does not play {$command}."];
    }
}

function logModuleCall($module, $action, $request, $response, $processed = '', $replaceVars = [])
{
    host_record('module-log.jsonl', ['module' => $module, 'action' => $action]);
}

function add_hook($hook, $priority, $function)
{
    $GLOBALS['host_hooks'][$hook][] = $function;
}

/** Runs a hook as WHMCS does: every registered function, results collected. */
function host_run_hook(string $hook, array $vars = []): array
{
    $results = [];
    foreach ($GLOBALS['host_hooks'][$hook] ?? [] as $function) {
        $results[] = $function($vars);
    }

    return $results;
}

function host_e(string $text): string
{
    return htmlspecialchars($text, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8');
}

/** WHMCS refuses an admin page without an admin session (it would show its login form). */
function host_require_admin(): void
{
    if (empty($_SESSION['adminid'])) {
        http_response_code(403);
        exit('Log in to WHMCS admin first.');
    }
}

/** The addon's settings as WHMCS hands them to its functions: tbladdonmodules, plus modulelink, version, _lang. */
function host_addon_vars(string $module): ?array
{
    $rows = host_db()->prepare('SELECT setting, value FROM tbladdonmodules WHERE module = ?');
    $rows->execute([$module]);
    $vars = [];
    foreach ($rows->fetchAll() as $row) {
        $vars[$row['setting']] = $row['value'];
    }
    if (!isset($vars['version'])) {
        return null;
    }
    $_ADDONLANG = [];
    $lang = HOST_ROOT . "/modules/addons/{$module}/lang/english.php";
    if (is_file($lang)) {
        include $lang;
    }
    unset($vars['access']);

    return $vars + ['module' => $module, 'modulelink' => "addonmodules.php?module={$module}", '_lang' => $_ADDONLANG];
}

/** WHMCS refuses the client area's service pages without a client session. */
function host_require_client(): int
{
    if (empty($_SESSION['uid'])) {
        http_response_code(403);
        exit('Log in to the client area first.');
    }

    return (int) $_SESSION['uid'];
}
