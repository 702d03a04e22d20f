<?php

/** The sentences the addon module says itself; every page's own text comes from the service. */

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly.');
}

$_ADDONLANG['no_admin'] = 'Your WHMCS admin session has ended: log in to WHMCS admin again and reopen the Jetpack page.';
$_ADDONLANG['bad_token'] = 'The form had expired or did not come from this WHMCS admin page, so nothing was changed: reload the page and submit it again.';
$_ADDONLANG['unreadable'] = 'The jetpack-whmcs service answered with a page the addon cannot read: install the module and the service from the same release (jetpack-whmcs whmcs install).';
$_ADDONLANG['no_session_activate'] = 'Activate the Jetpack addon from WHMCS admin while logged in, so the activation is recorded with your name.';
$_ADDONLANG['deactivated'] = 'The Jetpack addon is deactivated; its licences, products and settings were kept.';
