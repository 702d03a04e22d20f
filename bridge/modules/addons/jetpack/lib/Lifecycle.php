<?php

namespace WHMCS\Module\Addon\Jetpack;

/**
 * Activation, deactivation and upgrade. The service does the work of activation (the licence table
 * through its migrations, the hidden "Jetpack" product group), idempotently; deactivation deletes
 * nothing, so it needs no call at all.
 */
final class Lifecycle
{
    private const STATUSES = ['success', 'error', 'info'];

    /** @return array{status: string, description: string} */
    public static function activate(): array
    {
        $admin = AdminRequest::admin();
        if ($admin === null) {
            return ['status' => 'error', 'description' => Language::line(null, 'no_session_activate')];
        }

        return self::forward('activate', AdminRequest::actionBody($admin));
    }

    /** @return array{status: string, description: string} */
    public static function deactivate(): array
    {
        return ['status' => 'success', 'description' => Language::line(null, 'deactivated')];
    }

    /**
     * WHMCS calls this when the module's version changed; $vars['version'] is the one installed before.
     *
     * @param mixed $vars
     * @return array{status: string, description: string}
     */
    public static function upgrade($vars): array
    {
        $body = AdminRequest::actionBody(AdminRequest::admin() ?? AdminService::CRON_ADMIN, AddonSettings::fromVars($vars));
        if (is_array($vars) && isset($vars['version']) && is_scalar($vars['version'])) {
            $body['query'] = (object) ['version' => (string) $vars['version']];
        }

        return self::forward('upgrade', $body);
    }

    /**
     * @param array<string, mixed> $body
     * @return array{status: string, description: string}
     */
    private static function forward(string $action, array $body): array
    {
        [$answer, $error] = AdminService::call($action, $body);
        if ($error !== null) {
            return ['status' => 'error', 'description' => Alert::text($error)];
        }
        $status = $answer['status'] ?? null;
        $description = $answer['description'] ?? null;
        if (!in_array($status, self::STATUSES, true) || !is_string($description)) {
            return ['status' => 'error', 'description' => Alert::text(Language::line(null, 'unreadable'))];
        }

        // WHMCS prints the description as HTML in its addon list.
        return ['status' => $status, 'description' => Alert::text($description)];
    }
}
