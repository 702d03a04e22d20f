<?php

/**
 * A stand-in for Automattic's addon module (modules/addons/jetpack/jetpack.php), written from the
 * description of what it does, for the tests that check our provisioning bridge still serves it.
 * It declares the addon's own functions (so loading it beside the bridge proves no name clashes)
 * and its admin page reaches the provisioning module as the original does: include_once of
 * servers/jetpack/vendor/autoload.php, then of servers/jetpack/jetpack.php, "Provisioning module not
 * installed" when either include fails, then jetpack_FetchProducts() and
 * jetpack_FetchProductDescriptions() without arguments, letting their exceptions reach WHMCS.
 */

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly.');
}

function jetpack_config()
{
    return [
        'name' => 'Jetpack Addon',
        'fields' => [
            'api_token' => ['FriendlyName' => 'Jetpack Partner API Token', 'Type' => 'text'],
        ],
    ];
}

function jetpack_activate()
{
}

function jetpack_deactivate()
{
}

function jetpack_output($vars)
{
    $provisioning = dirname(__DIR__, 2) . '/servers/jetpack';
    $autoloaded = include_once $provisioning . '/vendor/autoload.php';
    $loaded = include_once $provisioning . '/jetpack.php';
    if (!$autoloaded || !$loaded) {
        echo 'Provisioning module not installed. Please install the provisioning module to use the addon module';

        return;
    }

    $products = jetpack_FetchProducts();
    $descriptions = jetpack_FetchProductDescriptions();

    // The original's product form: the dropdown of products, and the description a new WHMCS product
    // would get (looked up with isset, '' when missing). Serialized so the test sees PHP's own types.
    $form = [];
    foreach ($products as $slug => $name) {
        $form[$slug] = ['name' => $name, 'description' => isset($descriptions[$slug]) ? $descriptions[$slug] : ''];
    }
    echo serialize(['products' => $products, 'descriptions' => $descriptions, 'form' => $form]);
}
