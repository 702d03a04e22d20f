<?php

/**
 * The Jetpack module's customer-facing strings (English, the fallback for every language). Copy a key
 * into lang/overrides/<language>.php to change it without editing this file. Placeholders in braces
 * ({site}) are filled in by the module; the text is escaped when it is shown.
 */

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly.');
}

$_LANG['jetpack_title'] = 'Jetpack licence';
$_LANG['jetpack_product'] = 'Product';
$_LANG['jetpack_status'] = 'Status';
$_LANG['jetpack_state_active'] = 'Active';
$_LANG['jetpack_state_suspended'] = 'Suspended';
$_LANG['jetpack_state_pending'] = 'Being issued';
$_LANG['jetpack_state_revoked'] = 'Cancelled';
$_LANG['jetpack_state_none'] = 'Not issued yet';
$_LANG['jetpack_state_unavailable'] = 'Unavailable';
$_LANG['jetpack_site'] = 'Site';
$_LANG['jetpack_not_attached'] = 'Not activated on a site yet';
$_LANG['jetpack_key_label'] = 'Your licence key';
$_LANG['jetpack_copy'] = 'Copy';
$_LANG['jetpack_copied'] = 'Copied';
$_LANG['jetpack_copy_failed'] = 'Select the key and copy it with Ctrl+C';
$_LANG['jetpack_steps_title'] = 'Activate Jetpack in three steps';
$_LANG['jetpack_step_copy'] = 'Copy your licence key with the button above.';
$_LANG['jetpack_step_open'] = 'Open the licence activation screen of Jetpack on your site (log in to WordPress if asked):';
$_LANG['jetpack_step_open_link'] = 'Open Jetpack on {site}';
$_LANG['jetpack_step_open_manual'] = 'Open your WordPress dashboard and go to Jetpack, then Dashboard, then License activation.';
$_LANG['jetpack_step_paste'] = 'Paste the key, press Activate, then come back here and press Refresh status.';
$_LANG['jetpack_help_title'] = 'If it does not work';
$_LANG['jetpack_help_body'] = 'Check that the Jetpack plugin is installed and connected to WordPress.com on your site, then try again; if it still fails, contact support and tell us your site address (never post your key publicly).';
$_LANG['jetpack_getting_started'] = 'How to install Jetpack and connect your plan';
$_LANG['jetpack_manage_title'] = 'Choose the site';
$_LANG['jetpack_site_pick'] = 'One of your sites';
$_LANG['jetpack_site_typed'] = 'Or type the site address';
$_LANG['jetpack_site_help'] = 'For example https://example.com, https://example.com/blog, a WordPress.com blog id, or example.com::blog.';
$_LANG['jetpack_button_ClientActivate'] = 'Activate on my site';
$_LANG['jetpack_button_ClientChangeSite'] = 'Change site';
$_LANG['jetpack_button_ClientRefreshStatus'] = 'Refresh status';
$_LANG['jetpack_message_pending'] = 'Your Jetpack licence is being issued; refresh this page in a minute.';
$_LANG['jetpack_message_revoked'] = 'This Jetpack licence has been cancelled; contact support if you still need Jetpack.';
$_LANG['jetpack_message_none'] = 'No Jetpack licence has been issued for this service yet; it appears here once your order is set up, contact support if this lasts.';
$_LANG['jetpack_message_unavailable'] = 'Your Jetpack licence details cannot be shown right now; try again in a few minutes, or contact support if this persists.';
$_LANG['jetpack_client_bad_request'] = 'This request does not name your service; reload the page from your client area and try again.';
$_LANG['jetpack_client_not_yours'] = 'This service does not belong to your account; open the service from your own client area and try again.';
$_LANG['jetpack_client_unavailable'] = 'Changing the site yourself is not available right now; please contact support and we will change it for you.';
$_LANG['jetpack_client_no_license'] = 'This service has no active Jetpack licence yet; wait until it has been set up, or contact support if this lasts.';
$_LANG['jetpack_client_in_progress'] = 'Your Jetpack licence is being set up right now; try again in a minute.';
$_LANG['jetpack_client_not_active'] = 'This service is not active, so its site cannot be changed now; pay any open invoice or contact support, then try again.';
$_LANG['jetpack_client_site_missing'] = 'Choose one of your sites or type the address of the WordPress site to use, then try again.';
$_LANG['jetpack_client_changes_off'] = 'Your host has turned off site changes in the client area; please contact support to change the site.';
$_LANG['jetpack_client_site_invalid'] = '\'{site}\' is not a site address: type the full address starting with https:// (for example https://example.com/blog), a WordPress.com blog id such as 123456, or the form example.com::blog.';
$_LANG['jetpack_client_already_attached'] = 'Your licence is already active on {site}; use Change site to move it to another site.';
$_LANG['jetpack_client_too_many_tries'] = 'The site of this service could not be changed in {tries} tries in the last 24 hours; check that Jetpack is connected on your site, then try again tomorrow or contact support.';
$_LANG['jetpack_client_rate_limited'] = 'You have already changed the site of this service {limit} times in the last 24 hours; try again tomorrow or contact support.';
$_LANG['jetpack_client_not_connected'] = 'Jetpack is not connected on {site} yet: open {activation_url}, connect Jetpack and paste your licence key there, then press Refresh status.';
$_LANG['jetpack_client_failed'] = 'Jetpack could not make this change right now; try again in a few minutes, and contact support if it keeps failing.';
$_LANG['jetpack_client_failed_with_id'] = 'Jetpack could not make this change right now; try again in a few minutes, and contact support with the Jetpack request id {request_id} if it keeps failing.';
$_LANG['jetpack_client_moved_halfway'] = 'Your licence was removed from its old site but could not be added to {site}; press Activate on my site to try again.';
$_LANG['jetpack_client_moved_halfway_with_id'] = 'Your licence was removed from its old site but could not be added to {site}; press Activate on my site to try again (Jetpack request id {request_id}).';
$_LANG['jetpack_client_service_down'] = 'Jetpack cannot be reached right now; nothing was changed, try again in a few minutes or contact support if this persists.';
$_LANG['jetpack_custom_action_activate'] = 'Activate Jetpack';
$_LANG['jetpack_upsell_panel'] = 'Jetpack for your WordPress sites';
$_LANG['jetpack_upsell_title'] = 'Add Jetpack to {site}';
$_LANG['jetpack_upsell_body'] = 'Backups, malware scanning and spam protection for your WordPress site, billed with your hosting.';
$_LANG['jetpack_upsell_price'] = '{price} {cycle}';
$_LANG['jetpack_upsell_button'] = 'Add to cart';
$_LANG['jetpack_cycle_free'] = 'free';
$_LANG['jetpack_cycle_one time'] = 'once';
$_LANG['jetpack_cycle_monthly'] = 'per month';
$_LANG['jetpack_cycle_quarterly'] = 'per quarter';
$_LANG['jetpack_cycle_semi-annually'] = 'every six months';
$_LANG['jetpack_cycle_annually'] = 'per year';
$_LANG['jetpack_cycle_biennially'] = 'every two years';
$_LANG['jetpack_cycle_triennially'] = 'every three years';
