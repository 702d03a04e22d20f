<?php

namespace WHMCS\Module\Addon\Jetpack;

/**
 * The addon page and its sidebar: checks who asks and, for a POST, WHMCS's CSRF token, then forwards
 * the request to the service (docs/admin-protocol.md) and returns the HTML it rendered. Everything
 * this class prints itself is one escaped sentence.
 */
final class AdminPage
{
    /** @param mixed $vars what WHMCS passes to jetpack_output */
    public static function output($vars): string
    {
        $method = isset($_SERVER['REQUEST_METHOD']) && strtoupper((string) $_SERVER['REQUEST_METHOD']) === 'POST'
            ? 'POST'
            : 'GET';
        $admin = AdminRequest::admin();
        if ($admin === null) {
            return Alert::danger(Language::line($vars, 'no_admin'));
        }
        // Checked before anything leaves this process: a forged form must not reach the service.
        if ($method === 'POST' && !AdminRequest::csrfTokenIsValid()) {
            return Alert::danger(Language::line($vars, 'bad_token'));
        }
        [$answer, $error] = AdminService::call('page', AdminRequest::body($vars, $admin, $method));
        if ($error !== null) {
            return Alert::danger($error);
        }
        if (!isset($answer['html']) || !is_string($answer['html'])) {
            return Alert::danger(Language::line($vars, 'unreadable'));
        }

        // The service escapes every value it renders (docs/admin-protocol.md, Security).
        return $answer['html'];
    }

    /** @param mixed $vars what WHMCS passes to jetpack_sidebar */
    public static function sidebar($vars): string
    {
        $admin = AdminRequest::admin();
        if ($admin === null) {
            return '';
        }
        [$answer, $error] = AdminService::call('sidebar', AdminRequest::body($vars, $admin, 'GET'));
        if ($error !== null) {
            return Alert::danger($error);
        }

        return isset($answer['html']) && is_string($answer['html'])
            ? $answer['html']
            : Alert::danger(Language::line($vars, 'unreadable'));
    }
}
