<?php

/** WHMCS's admin home: the widgets registered by AdminHomeWidgets hooks of active addons. */

require __DIR__ . '/host/bootstrap.php';
require __DIR__ . '/host/AbstractWidget.php';
host_require_admin();

require HOST_ROOT . '/modules/addons/jetpack/hooks.php';
$widgets = '';
foreach (host_run_hook('AdminHomeWidgets') as $widget) {
    if ($widget instanceof \WHMCS\Module\AbstractWidget) {
        $widgets .= '<div class="panel panel-default widget"><div class="panel-heading">' . host_e($widget->title())
            . '</div><div class="panel-body">' . $widget->generateOutput($widget->getData()) . '</div></div>';
    }
}
$title = 'Dashboard';
$sidebar = '';
$content = '<div class="row"><div class="col-md-6">' . $widgets . '</div></div>';
require HOST_ROOT . '/host/admin-layout.php';
