<?php

namespace JetpackBridgeTests;

/**
 * Plays the parts of WHMCS the addon module calls: the admin session, the CSRF token
 * (generate_token / check_token), localAPI (GetAdminDetails, LogActivity, SendAdminEmail) and
 * add_hook. The global functions in bootstrap.php delegate here; every call is recorded.
 */
final class AdminHost
{
    public static string $token = '';
    public static string $adminName = 'alice';
    /** @var array<int, string> namespaces check_token was called with */
    public static array $tokenChecks = [];
    /** @var array<int, array{command: string, values: array<mixed>}> */
    public static array $apiCalls = [];
    /** @var array<string, array<int, callable>> */
    public static array $hooks = [];

    /** A fresh admin request: admin 3 "alice" logged in, a new CSRF token, nothing recorded. */
    public static function reset(): void
    {
        self::$token = 'csrf-' . bin2hex(random_bytes(8));
        self::$adminName = 'alice';
        self::$tokenChecks = [];
        self::$apiCalls = [];
        $_SESSION = ['adminid' => 3, 'adminlang' => 'english'];
        $_GET = [];
        $_POST = [];
        $_SERVER['REQUEST_METHOD'] = 'GET';
    }

    /** WHMCS compares the request's token field with the session's token. */
    public static function checkToken(string $namespace): bool
    {
        self::$tokenChecks[] = $namespace;

        return isset($_POST['token']) && is_string($_POST['token']) && hash_equals(self::$token, $_POST['token']);
    }

    public static function generateToken(string $type): string
    {
        return self::$token;
    }

    /**
     * @param array<mixed> $values
     * @return array<string, mixed>
     */
    public static function localApi(string $command, array $values): array
    {
        self::$apiCalls[] = ['command' => $command, 'values' => $values];
        if ($command === 'GetAdminDetails') {
            // The fields WHMCS documents for GetAdminDetails (no username among them).
            return ['result' => 'success', 'adminid' => $_SESSION['adminid'] ?? 0, 'name' => self::$adminName,
                'notes' => '', 'signature' => '', 'allowedpermissions' => '', 'departments' => ''];
        }

        return ['result' => 'success'];
    }

    /** @return array<int, array<mixed>> the values of each call of $command */
    public static function calls(string $command): array
    {
        return array_values(array_map(
            static fn (array $call) => $call['values'],
            array_filter(self::$apiCalls, static fn (array $call) => $call['command'] === $command)
        ));
    }

    public static function addHook(string $hook, callable $function): void
    {
        self::$hooks[$hook][] = $function;
    }

    /** @return array<int, mixed> what each function registered for $hook returned */
    public static function runHook(string $hook, array $vars = []): array
    {
        return array_map(static fn (callable $f) => $f($vars), self::$hooks[$hook] ?? []);
    }
}
