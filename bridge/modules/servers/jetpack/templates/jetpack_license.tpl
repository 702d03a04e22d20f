{* Jetpack licence in the client area (module "jetpack", same template name as the original module).
   Every variable is escaped; links are printed only when they are http(s) URLs. *}
{* Variables a theme or an older service may not set: empty, so that the checks below never warn. *}
{if !isset($license_key)}{assign var=license_key value=''}{/if}
{if !isset($state)}{assign var=state value=''}{/if}
{if !isset($product_name)}{assign var=product_name value=''}{/if}
{if !isset($domain)}{assign var=domain value=''}{/if}
{if !isset($attached_site)}{assign var=attached_site value=''}{/if}
{if !isset($activation_url)}{assign var=activation_url value=''}{/if}
{if !isset($getting_started_url)}{assign var=getting_started_url value=''}{/if}
{if !isset($message)}{assign var=message value=''}{/if}
{assign var=jetpack_activation value=$activation_url|regex_replace:'#^(?!https?://)[\s\S]*$#i':''}
{assign var=jetpack_getting_started value=$getting_started_url|regex_replace:'#^(?!https?://)[\s\S]*$#i':''}
<div class="jetpack-license card panel panel-default">
    <div class="card-body panel-body">
        <h3 class="card-title">Jetpack licence</h3>
        {if $message}
            <div class="alert alert-info" role="status">{$message|escape:'html'}</div>
        {/if}
        {if $license_key}
            {if $product_name}
                <p>Product: <strong>{$product_name|escape:'html'}</strong>{if $state && $state != 'active'} ({$state|escape:'html'}){/if}</p>
            {/if}
            <label for="jetpack-license-key">Your licence key</label>
            <div class="input-group">
                <input type="text" class="form-control" id="jetpack-license-key" value="{$license_key|escape:'html'}" readonly>
                <span class="input-group-btn input-group-append">
                    <button type="button" class="btn btn-default btn-outline-secondary"
                        onclick="{literal}var f=document.getElementById('jetpack-license-key');if(navigator.clipboard){navigator.clipboard.writeText(f.value);}else{f.select();document.execCommand('copy');}this.textContent='Copied';{/literal}">Copy</button>
                </span>
            </div>
            {if $attached_site}
                <p>Attached to {$attached_site|escape:'html'}.</p>
            {/if}
            {if $jetpack_activation}
                <p><a href="{$jetpack_activation|escape:'html'}" target="_blank" rel="noopener noreferrer">Activate this licence in Jetpack on {$domain|escape:'html'}</a></p>
            {else}
                <p>To activate it, open Jetpack in your WordPress dashboard (Jetpack &rsaquo; Dashboard &rsaquo; License activation) and paste the key.</p>
            {/if}
        {elseif !($message)}
            <p>No Jetpack licence has been issued for this service yet. It will appear here as soon as your order is set up.</p>
        {/if}
        {if $jetpack_getting_started}
            <p><a href="{$jetpack_getting_started|escape:'html'}" target="_blank" rel="noopener noreferrer">How to install Jetpack and connect your plan</a></p>
        {/if}
    </div>
</div>
