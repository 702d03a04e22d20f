<?php

/**
 * WHMCS's clientarea.php?action=productdetails&id=SERVICE: the service's page with the provisioning
 * module's client-area output (jetpack_ClientArea, its template rendered with real Smarty).
 */

require __DIR__ . '/host/bootstrap.php';
require __DIR__ . '/host/client-params.php';
require __DIR__ . '/host/smarty.php';
require __DIR__ . '/host/client-area-extras.php';
$clientId = host_require_client();
// WHMCS loads every active provisioning module's hooks.php on its pages.
require HOST_ROOT . '/modules/servers/jetpack/hooks.php';

if (!isset($_GET['id'])) {
    // "My services": the client's services, each linking to its page.
    $rows = host_db()->prepare('SELECT h.id, h.domain, h.domainstatus, p.name FROM tblhosting h JOIN tblproducts p ON p.id = h.packageid WHERE h.userid = ? ORDER BY h.id');
    $rows->execute([$clientId]);
    $content = '<table class="table" id="services"><tr><th>Product</th><th>Domain</th><th>Status</th></tr>';
    foreach ($rows->fetchAll() as $row) {
        $content .= '<tr><td><a href="clientarea.php?action=productdetails&amp;id=' . (int) $row['id'] . '">' . host_e((string) $row['name'])
            . '</a></td><td>' . host_e((string) $row['domain']) . '</td><td>' . host_e((string) $row['domainstatus']) . '</td></tr>';
    }
    $content .= '</table>' . host_home_panels();
    $title = 'My Products & Services';
    require HOST_ROOT . '/host/client-layout.php';
    exit;
}

$serviceId = ctype_digit((string) $_GET['id']) ? (int) $_GET['id'] : 0;
$params = $serviceId > 0 ? host_service_params($serviceId, $clientId) : null;
if ($params === null && $serviceId > 0 && ($other = host_other_service($serviceId, $clientId)) !== null) {
    // A service of another module (hosting): its details and what the product details hooks add.
    $title = 'Manage Product';
    $content = '<div class="panel panel-default"><div class="panel-body"><p>Domain: <strong>' . host_e((string) $other['domain'])
        . '</strong></p><p>Status: ' . host_e((string) $other['domainstatus']) . '</p></div></div>'
        . '<div id="product-details-hooks">' . host_product_details_hooks($serviceId) . '</div>';
    require HOST_ROOT . '/host/client-layout.php';
    exit;
}
if ($params === null) {
    http_response_code(404);
    $title = 'Service not found';
    $content = '<div class="alert alert-warning">This service does not exist or is not yours.</div>';
    require HOST_ROOT . '/host/client-layout.php';
    exit;
}

require HOST_ROOT . '/modules/servers/jetpack/jetpack.php';
$alert = host_run_client_custom($params);
$result = jetpack_ClientArea($params);
$module = '';
if (is_array($result) && isset($result['templatefile']) && is_string($result['templatefile'])) {
    $module = host_render_template(
        HOST_ROOT . '/modules/servers/jetpack/templates',
        $result['templatefile'] . '.tpl',
        // WHMCS's page variables of a service (the module's own vars beside them).
        (is_array($result['vars'] ?? null) ? $result['vars'] : []) + ['serviceid' => $serviceId, 'domain' => (string) $params['domain']]
    );
}
$title = 'Manage Product';
$content = $alert . host_client_buttons($params, $serviceId)
    . '<div class="panel panel-default"><div class="panel-body"><p>Domain: <strong>' . host_e((string) $params['domain'])
    . '</strong></p><p>Status: ' . host_e((string) $params['status']) . '</p></div></div>'
    . '<div id="module-client-area">' . $module . '</div>';
require HOST_ROOT . '/host/client-layout.php';
