<?php

/**
 * The parts of WHMCS's client area around a provisioning module's guide, as WHMCS documents them:
 * the module's custom functions (POST modop=custom&a=FUNCTION, CSRF-checked, allowed only when the
 * module lists them), the module's client buttons, the product details hooks of a service (the
 * upsell), and the client-area home's panels. Not WHMCS's code: only what our module uses.
 */

/**
 * Runs ?modop=custom&a=FUNCTION for the service as WHMCS does: only for a function the module lists
 * in ClientAreaAllowedFunctions or ClientAreaCustomButtonArray, only with the session's token. Returns
 * the alert to show above the page (WHMCS shows the module's sentence as given), or ''.
 */
function host_run_client_custom(array $params): string
{
    if (($_GET['modop'] ?? '') !== 'custom' || !is_string($_GET['a'] ?? null) || $_SERVER['REQUEST_METHOD'] !== 'POST') {
        return '';
    }
    $function = $_GET['a'];
    $allowed = array_merge(
        array_values((array) jetpack_ClientAreaAllowedFunctions($params)),
        array_values(jetpack_ClientAreaCustomButtonArray($params))
    );
    if (!in_array($function, $allowed, true) || !function_exists('jetpack_' . $function)) {
        return '<div class="alert alert-danger" id="module-result">Invalid function.</div>';
    }
    if (!check_token('WHMCS.default')) {
        return '<div class="alert alert-danger" id="module-result">Invalid CSRF token.</div>';
    }
    $result = call_user_func('jetpack_' . $function, $params);
    host_record('client-actions.jsonl', ['function' => $function, 'result' => $result]);

    return $result === 'success'
        ? '<div class="alert alert-success" id="module-result">Action completed successfully.</div>'
        // WHMCS prints a custom function's error as returned (the module encodes it).
        : '<div class="alert alert-danger" id="module-result">' . $result . '</div>';
}

/** A service of the client whose product is not a Jetpack one (a hosting service), or null. */
function host_other_service(int $serviceId, int $clientId): ?array
{
    $query = host_db()->prepare('SELECT h.id, h.domain, h.domainstatus FROM tblhosting h WHERE h.id = ? AND h.userid = ?');
    $query->execute([$serviceId, $clientId]);
    $row = $query->fetch();

    return $row === false ? null : $row;
}

/** The module's client buttons, as WHMCS lists them beside the service (links to the custom function). */
function host_client_buttons(array $params, int $serviceId): string
{
    $html = '<div class="list-group" id="module-buttons">';
    foreach (jetpack_ClientAreaCustomButtonArray($params) as $label => $function) {
        $html .= '<form method="post" action="clientarea.php?action=productdetails&amp;id=' . $serviceId . '&amp;modop=custom&amp;a='
            . host_e((string) $function) . '"><input type="hidden" name="token" value="' . host_e(generate_token('plain')) . '">'
            . '<button type="submit" class="list-group-item">' . host_e((string) $label) . '</button></form>';
    }

    return $html . '</div>';
}

/** The product details hooks: variables of ClientAreaPageProductDetails, output of ClientAreaProductDetailsOutput. */
function host_product_details_hooks(int $serviceId): string
{
    $html = '';
    foreach (host_run_hook('ClientAreaPageProductDetails', ['serviceid' => $serviceId, 'id' => $serviceId]) as $vars) {
        // A theme places jetpack_upsell_html itself; the default output hook prints it below.
        unset($vars);
    }
    foreach (host_run_hook('ClientAreaProductDetailsOutput', ['service' => (object) ['id' => $serviceId]]) as $output) {
        $html .= is_string($output) ? $output : '';
    }

    return $html;
}

/** The client-area home's panels added by ClientAreaHomepagePanels hooks (label, icon, body HTML). */
function host_home_panels(): string
{
    $panels = new class () {
        /** @var array<int, array<string, mixed>> */
        public array $children = [];

        public function addChild(string $name, array $options): void
        {
            $this->children[] = ['name' => $name] + $options;
        }
    };
    // WHMCS hands these hooks the panel collection itself, not an array of variables.
    foreach ($GLOBALS['host_hooks']['ClientAreaHomepagePanels'] ?? [] as $function) {
        $function($panels);
    }
    $html = '';
    foreach ($panels->children as $panel) {
        $html .= '<div class="panel panel-default" id="panel-' . host_e((string) $panel['name']) . '"><div class="panel-heading">'
            . host_e((string) ($panel['label'] ?? '')) . '</div><div class="panel-body">' . ($panel['bodyHtml'] ?? '') . '</div></div>';
    }

    return $html;
}
