<?php

namespace WHMCS\Module\Server\Jetpack;

/**
 * Who caused a module call, for the service's audit (docs/bridge-protocol.md, "actor"): the admin logged
 * in to WHMCS's admin area, else the client logged in to the client area acting on their own service,
 * else WHMCS's cron and automation. Read from WHMCS's session; the service records it as given.
 */
final class Actor
{
    /**
     * @param mixed $params what WHMCS passed
     * @return array<string, mixed>
     */
    public static function of($params): array
    {
        $session = isset($_SESSION) && is_array($_SESSION) ? $_SESSION : [];
        if (self::isId($session['adminid'] ?? null)) {
            return ['kind' => 'admin', 'id' => (int) $session['adminid']];
        }
        $userId = is_array($params) ? ($params['userid'] ?? null) : null;
        if (self::isId($session['uid'] ?? null) && self::isId($userId) && (int) $session['uid'] === (int) $userId) {
            return ['kind' => 'client', 'id' => (int) $userId];
        }

        return ['kind' => 'system'];
    }

    /** @param mixed $value */
    private static function isId($value): bool
    {
        return (is_int($value) || (is_string($value) && ctype_digit($value))) && (int) $value > 0;
    }
}
