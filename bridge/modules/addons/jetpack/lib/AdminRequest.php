<?php

namespace WHMCS\Module\Addon\Jetpack;

/** Reads the admin's request from WHMCS's globals into the body of an admin call (docs/admin-protocol.md). */
final class AdminRequest
{
    /**
     * The logged-in admin: the id from WHMCS's session (the authority), the username from
     * GetAdminDetails. Null when no admin is logged in, and then nothing is forwarded.
     *
     * @return array{id: int, username: string}|null
     */
    public static function admin(): ?array
    {
        $id = $_SESSION['adminid'] ?? null;
        if (!(is_int($id) || (is_string($id) && ctype_digit($id))) || (int) $id <= 0) {
            return null;
        }
        $username = '';
        if (function_exists('localAPI')) {
            try {
                $details = localAPI('GetAdminDetails', []);
            } catch (\Throwable $e) {
                $details = [];
            }
            // WHMCS documents "name" in GetAdminDetails' answer; a username, where given, is preferred.
            foreach (['username', 'name'] as $key) {
                if (is_array($details) && isset($details[$key]) && is_string($details[$key]) && $details[$key] !== '') {
                    $username = $details[$key];
                    break;
                }
            }
        }

        return ['id' => (int) $id, 'username' => $username];
    }

    /**
     * WHMCS's own check. Undocumented: some WHMCS versions stop the request themselves on a bad
     * token, others return false; a false answer, an exception, a missing token field or a missing
     * check_token function all count as a failed check.
     */
    public static function csrfTokenIsValid(): bool
    {
        $token = $_POST['token'] ?? null;
        if (!is_string($token) || $token === '' || !function_exists('check_token')) {
            return false;
        }
        try {
            return check_token('WHMCS.admin.default') !== false;
        } catch (\Throwable $e) {
            return false;
        }
    }

    /**
     * @param mixed $vars what WHMCS passed to the addon function
     * @param array{id: int, username: string} $admin
     * @return array<string, mixed>
     */
    public static function body($vars, array $admin, string $method): array
    {
        $body = [
            'admin' => $admin,
            'method' => $method,
            'modulelink' => is_array($vars) && isset($vars['modulelink']) && is_string($vars['modulelink'])
                ? $vars['modulelink']
                : 'addonmodules.php?module=jetpack',
            'query' => (object) self::strings($_GET ?? [], 'module'),
            'csrf' => self::csrfToken(),
            'settings' => (object) AddonSettings::fromVars($vars),
            'language' => self::language(),
        ];
        if ($method === 'POST') {
            $body['form'] = (object) self::strings($_POST ?? [], 'token');
        }

        return $body;
    }

    /**
     * The body of a call that is not a page view (activation, upgrade, the cron hooks): the actor,
     * the saved settings when known, no query and no form.
     *
     * @param array{id: int, username: string} $admin
     * @param array<string, string> $settings
     * @return array<string, mixed>
     */
    public static function actionBody(array $admin, array $settings = []): array
    {
        return [
            'admin' => $admin,
            'method' => 'POST',
            'modulelink' => 'addonmodules.php?module=jetpack',
            'query' => (object) [],
            'form' => (object) [],
            'csrf' => '',
            'settings' => (object) $settings,
            'language' => self::language(),
        ];
    }

    /**
     * The string entries of $source except $skip: the protocol's "object of strings" (arrays and
     * other shapes are left out, never guessed).
     *
     * @param mixed $source
     * @return array<string, string>
     */
    private static function strings($source, string $skip): array
    {
        $out = [];
        if (!is_array($source)) {
            return $out;
        }
        foreach ($source as $key => $value) {
            if ((string) $key !== $skip && is_string($value)) {
                $out[(string) $key] = $value;
            }
        }

        return $out;
    }

    private static function csrfToken(): string
    {
        if (!function_exists('generate_token')) {
            return '';
        }
        try {
            $token = generate_token('plain');
        } catch (\Throwable $e) {
            return '';
        }

        return is_string($token) ? $token : '';
    }

    private static function language(): string
    {
        $language = $_SESSION['adminlang'] ?? null;

        return is_string($language) && preg_match('/^[a-z_-]{1,40}$/i', $language) ? strtolower($language) : 'english';
    }
}
