{* Jetpack licence in the client area (module "jetpack", same template name as the original module): a
   short guide. Every variable is escaped; links are printed only when they are http(s) URLs. The strings
   come from the module's language files ($jetpack_text, the client's language over English). *}
{* Variables a theme or an older service may not set: empty, so that the checks below never warn. *}
{if !isset($license_key)}{assign var=license_key value=''}{/if}
{if !isset($state)}{assign var=state value=''}{/if}
{if !isset($product_name)}{assign var=product_name value=''}{/if}
{if !isset($domain)}{assign var=domain value=''}{/if}
{if !isset($attached_site)}{assign var=attached_site value=''}{/if}
{if !isset($activation_url)}{assign var=activation_url value=''}{/if}
{if !isset($getting_started_url)}{assign var=getting_started_url value=''}{/if}
{if !isset($message)}{assign var=message value=''}{/if}
{if !isset($sites) || !$sites}{assign var=sites value=[]}{/if}
{if !isset($token)}{assign var=token value=''}{/if}
{if !isset($serviceid)}{assign var=serviceid value=''}{/if}
{* The strings of the client's language (the bridge always sends every key, English under it); these
   English ones only when a page renders the template without them. *}
{if isset($jetpack_text) && $jetpack_text}{assign var=t value=$jetpack_text}{else}{assign var=t value=[
    'title' => 'Jetpack licence', 'product' => 'Product', 'status' => 'Status', 'site' => 'Site',
    'not_attached' => 'Not activated on a site yet', 'key_label' => 'Your licence key', 'copy' => 'Copy',
    'copied' => 'Copied', 'copy_failed' => 'Select the key and copy it with Ctrl+C',
    'steps_title' => 'Activate Jetpack in three steps', 'step_copy' => 'Copy your licence key with the button above.',
    'step_open' => 'Open the licence activation screen of Jetpack on your site:', 'step_open_link' => 'Open Jetpack on {site}',
    'step_open_manual' => 'Open your WordPress dashboard and go to Jetpack, then Dashboard, then License activation.',
    'step_paste' => 'Paste the key, press Activate, then come back here and press Refresh status.',
    'help_title' => 'If it does not work', 'help_body' => 'Check that Jetpack is installed and connected on your site, then try again, or contact support.',
    'getting_started' => 'How to install Jetpack and connect your plan', 'manage_title' => 'Choose the site',
    'site_pick' => 'One of your sites', 'site_typed' => 'Or type the site address',
    'site_help' => 'For example https://example.com, a WordPress.com blog id, or example.com::blog.',
    'button_ClientActivate' => 'Activate on my site', 'button_ClientChangeSite' => 'Change site',
    'button_ClientRefreshStatus' => 'Refresh status',
    'message_none' => 'No Jetpack licence has been issued for this service yet; it appears here once your order is set up, contact support if this lasts.'
]}{/if}
{assign var=jp_state_key value="state_"|cat:$state}
{assign var=jp_state value=$state}
{if isset($t[$jp_state_key])}{assign var=jp_state value=$t[$jp_state_key]}{/if}
{assign var=jetpack_activation value=$activation_url|regex_replace:'#^(?!https?://)[\s\S]*$#i':''}
{assign var=jetpack_getting_started value=$getting_started_url|regex_replace:'#^(?!https?://)[\s\S]*$#i':''}
{assign var=jp_link_site value=$attached_site}
{if !$jp_link_site}{assign var=jp_link_site value=$domain}{/if}
{assign var=jp_service value=$serviceid|escape:'url'}
{assign var=jp_action value="clientarea.php?action=productdetails&id="|cat:$jp_service|cat:"&modop=custom&a="}
{assign var=jp_site_action value='ClientActivate'}
{if $attached_site}{assign var=jp_site_action value='ClientChangeSite'}{/if}
<style>
    .jetpack-license .jetpack-key { font-family: monospace; font-size: 1.1em; min-width: 0; height: auto; line-height: 1.6; }
    .jetpack-license .jetpack-facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
    .jetpack-license .jetpack-facts dd { margin: 0; overflow-wrap: anywhere; }
    .jetpack-license .jetpack-steps li { margin-bottom: .5rem; overflow-wrap: anywhere; }
    .jetpack-license .jetpack-actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; }
    .jetpack-license .jetpack-actions .form-group { flex: 1 1 14rem; margin: 0; }
    .jetpack-license .jetpack-actions .form-control { width: 100%; }
    @media (max-width: 480px) {
        .jetpack-license .jetpack-actions .btn, .jetpack-license .jetpack-copy { width: 100%; }
        .jetpack-license .jetpack-actions .form-group { flex-basis: 100%; }
        .jetpack-license .input-group { display: block; }
    }
</style>
<div class="jetpack-license card panel panel-default" id="jetpack-license">
    <div class="card-body panel-body">
        <h3 class="card-title">{$t.title|escape:'html'}</h3>
        {if $message}
            <div class="alert alert-info" role="status">{$message|escape:'html'}</div>
        {/if}
        {if $product_name || ($state && $state != 'unavailable')}
            <dl class="jetpack-facts">
                {if $product_name}<dt>{$t.product|escape:'html'}</dt><dd class="jetpack-product">{$product_name|escape:'html'}</dd>{/if}
                {if $state}<dt>{$t.status|escape:'html'}</dt><dd class="jetpack-state">{$jp_state|escape:'html'}</dd>{/if}
                {if $license_key}<dt>{$t.site|escape:'html'}</dt><dd class="jetpack-site">{if $attached_site}{$attached_site|escape:'html'}{else}{$t.not_attached|escape:'html'}{/if}</dd>{/if}
            </dl>
        {/if}
        {if $license_key}
            <label for="jetpack-license-key">{$t.key_label|escape:'html'}</label>
            <div class="input-group">
                <input type="text" class="form-control jetpack-key" id="jetpack-license-key" value="{$license_key|escape:'html'}" readonly>
                <span class="input-group-btn input-group-append">
                    <button type="button" class="btn btn-default btn-outline-secondary jetpack-copy"
                        data-copied="{$t.copied|escape:'html'}" data-failed="{$t.copy_failed|escape:'html'}"
                        onclick="{literal}var b=this,f=document.getElementById('jetpack-license-key');function done(t){b.textContent=t;}function fallback(){f.focus();f.select();try{done(document.execCommand('copy')?b.getAttribute('data-copied'):b.getAttribute('data-failed'));}catch(e){done(b.getAttribute('data-failed'));}}if(navigator.clipboard&&window.isSecureContext){navigator.clipboard.writeText(f.value).then(function(){done(b.getAttribute('data-copied'));},fallback);}else{fallback();}{/literal}">{$t.copy|escape:'html'}</button>
                </span>
            </div>

            <h4>{$t.steps_title|escape:'html'}</h4>
            <ol class="jetpack-steps">
                <li>{$t.step_copy|escape:'html'}</li>
                {if $jetpack_activation}
                    <li>{$t.step_open|escape:'html'}
                        <a class="jetpack-activation-link" href="{$jetpack_activation|escape:'html'}" target="_blank" rel="noopener noreferrer">{$t.step_open_link|replace:'{site}':$jp_link_site|escape:'html'}</a></li>
                {else}
                    <li>{$t.step_open_manual|escape:'html'}</li>
                {/if}
                <li>{$t.step_paste|escape:'html'}</li>
            </ol>

            <h4>{$t.manage_title|escape:'html'}</h4>
            <form method="post" class="jetpack-actions jetpack-site-form" action="{$jp_action|cat:$jp_site_action|escape:'html'}">
                <input type="hidden" name="token" value="{$token|escape:'html'}">
                {if $sites}
                    <div class="form-group">
                        <label for="jetpack-site">{$t.site_pick|escape:'html'}</label>
                        <select class="form-control" id="jetpack-site" name="jetpack_site">
                            {section name=jp_i loop=$sites}<option value="{$sites[jp_i]|escape:'html'}">{$sites[jp_i]|escape:'html'}</option>{/section}
                        </select>
                    </div>
                {/if}
                <div class="form-group">
                    <label for="jetpack-site-typed">{$t.site_typed|escape:'html'}</label>
                    <input type="text" class="form-control" id="jetpack-site-typed" name="jetpack_site_typed" inputmode="url" autocomplete="url" spellcheck="false" aria-describedby="jetpack-site-help">
                </div>
                <button type="submit" class="btn btn-primary jetpack-submit">{if $attached_site}{$t.button_ClientChangeSite|escape:'html'}{else}{$t.button_ClientActivate|escape:'html'}{/if}</button>
                <small id="jetpack-site-help" class="form-text text-muted help-block" style="flex-basis:100%">{$t.site_help|escape:'html'}</small>
            </form>
            <form method="post" class="jetpack-refresh-form" action="{$jp_action|cat:'ClientRefreshStatus'|escape:'html'}">
                <input type="hidden" name="token" value="{$token|escape:'html'}">
                <button type="submit" class="btn btn-default btn-outline-secondary jetpack-refresh">{$t.button_ClientRefreshStatus|escape:'html'}</button>
            </form>

            <h4>{$t.help_title|escape:'html'}</h4>
            <p>{$t.help_body|escape:'html'}</p>
        {elseif !$message}
            <p>{$t.message_none|escape:'html'}</p>
        {/if}
        {if $jetpack_getting_started}
            <p><a href="{$jetpack_getting_started|escape:'html'}" target="_blank" rel="noopener noreferrer">{$t.getting_started|escape:'html'}</a></p>
        {/if}
    </div>
</div>
