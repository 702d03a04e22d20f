<?php

namespace WHMCS\Module\Addon\Jetpack;

/**
 * The Jetpack widget on WHMCS's admin home: active licences, drift count, monthly cost and the last
 * daily check, rendered by the service. Loaded only once \WHMCS\Module\AbstractWidget exists.
 */
final class DashboardWidget extends \WHMCS\Module\AbstractWidget
{
    protected $title = 'Jetpack';
    protected $description = 'Active Jetpack licences, drift, monthly cost and the last daily check.';
    protected $weight = 150;
    protected $columns = 1;
    protected $cache = false;

    /** @return array{html?: string, error?: string} */
    public function getData()
    {
        $admin = AdminRequest::admin();
        if ($admin === null) {
            return ['error' => Language::line(null, 'no_admin')];
        }
        [$answer, $error] = AdminService::call('widget', AdminRequest::body([], $admin, 'GET'));
        if ($error !== null) {
            return ['error' => $error];
        }

        return isset($answer['html']) && is_string($answer['html'])
            ? ['html' => $answer['html']]
            : ['error' => Language::line(null, 'unreadable')];
    }

    /** @param mixed $data */
    public function generateOutput($data)
    {
        if (is_array($data) && isset($data['html']) && is_string($data['html'])) {
            return $data['html'];
        }
        $error = is_array($data) && isset($data['error']) && is_string($data['error'])
            ? $data['error']
            : Language::line(null, 'unreadable');

        return '<div class="widget-content-padded">' . Alert::danger($error) . '</div>';
    }
}
