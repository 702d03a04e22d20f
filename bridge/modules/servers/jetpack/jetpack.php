<?php

/**
 * Jetpack provisioning module for WHMCS: a thin bridge to the jetpack-whmcs service.
 *
 * Every function forwards WHMCS's call to the service, signed with the bridge secret, and returns
 * the service's answer in the shape WHMCS expects. All licence logic lives in the service.
 */

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly.');
}

require_once __DIR__ . '/lib/load.php';

use WHMCS\Module\Server\Jetpack\Bridge;
use WHMCS\Module\Server\Jetpack\ClientSide;

function jetpack_MetaData()
{
    return Bridge::metaData();
}

function jetpack_ConfigOptions($params = [])
{
    return Bridge::table('ConfigOptions', $params);
}

function jetpack_LoadProducts($params = [])
{
    return Bridge::loader('LoadProducts', $params);
}

/**
 * Kept for Automattic's addon module (modules/addons/jetpack), which calls it without arguments to
 * list the Jetpack products: slug => product name. Throws an Exception with a sentence on failure.
 */
function jetpack_FetchProducts($params = [])
{
    return Bridge::loader('LoadProducts', $params);
}

/**
 * Kept for Automattic's addon module, which reads a new WHMCS product's description from it:
 * slug => the description of the product's family. Throws an Exception with a sentence on failure.
 */
function jetpack_FetchProductDescriptions($params = [])
{
    return Bridge::loader('LoadProductDescriptions', $params);
}

function jetpack_TestConnection($params = [])
{
    return Bridge::table('TestConnection', $params);
}

function jetpack_CreateAccount($params = [])
{
    return Bridge::core('CreateAccount', $params);
}

function jetpack_SuspendAccount($params = [])
{
    return Bridge::core('SuspendAccount', $params);
}

function jetpack_UnsuspendAccount($params = [])
{
    return Bridge::core('UnsuspendAccount', $params);
}

function jetpack_TerminateAccount($params = [])
{
    return Bridge::core('TerminateAccount', $params);
}

function jetpack_Renew($params = [])
{
    return Bridge::core('Renew', $params);
}

function jetpack_ChangePackage($params = [])
{
    return Bridge::core('ChangePackage', $params);
}

function jetpack_AdminCustomButtonArray($params = [])
{
    return Bridge::table('AdminCustomButtonArray', $params);
}

function jetpack_AttachLicense($params = [])
{
    return Bridge::core('AttachLicense', $params);
}

function jetpack_DetachLicense($params = [])
{
    return Bridge::core('DetachLicense', $params);
}

function jetpack_RefreshStatus($params = [])
{
    return Bridge::core('RefreshStatus', $params);
}

function jetpack_ReissueLicense($params = [])
{
    return Bridge::core('ReissueLicense', $params);
}

function jetpack_AdminServicesTabFields($params = [])
{
    return Bridge::table('AdminServicesTabFields', $params);
}

function jetpack_ClientArea($params = [])
{
    return ClientSide::page($params);
}

function jetpack_ClientAreaCustomButtonArray($params = [])
{
    return ClientSide::buttons($params);
}

function jetpack_ClientAreaAllowedFunctions($params = [])
{
    return ClientSide::ACTIONS;
}

function jetpack_ClientActivate($params = [])
{
    return ClientSide::act('ClientActivate', $params);
}

function jetpack_ClientChangeSite($params = [])
{
    return ClientSide::act('ClientChangeSite', $params);
}

function jetpack_ClientRefreshStatus($params = [])
{
    return ClientSide::act('ClientRefreshStatus', $params);
}

/** WHMCS 8.5+: "Activate Jetpack" on the client-area home for a licence not on a site yet ([] before 8.5). */
function jetpack_CustomActions($params = [])
{
    return ClientSide::customActions($params);
}

/** The custom action's function: opens the guide on the service's page. */
function jetpack_ActivateJetpack($params = [])
{
    return ClientSide::activateRedirect($params);
}
