{* Jetpack licence in the client area (module "jetpack", same template name as the original module).
   Every variable is escaped; links are printed only when they are http(s) URLs. *}
{assign var=jetpack_activation value=$activation_url|default:''|regex_replace:'#^(?!https?://)[\s\S]*$#i':''}
{assign var=jetpack_getting_started value=$getting_started_url|default:''|regex_replace:'#^(?!https?://)[\s\S]*$#i':''}
<div class="jetpack-license card panel panel-default">
    <div class="card-body panel-body">
        <h3 class="card-title">Jetpack licence</h3>
        {if $message|default:''}
            <div class="alert alert-info" role="status">{$message|escape:'html'}</div>
        {/if}
        {if $license_key|default:''}
            {if $product_name|default:''}
                <p>Product: <strong>{$product_name|escape:'html'}</strong>{if $state|default:'' && $state != 'active'} ({$state|escape:'html'}){/if}</p>
            {/if}
            <label for="jetpack-license-key">Your licence key</label>
            <div class="input-group">
                <input type="text" class="form-control" id="jetpack-license-key" value="{$license_key|escape:'html'}" readonly>
                <span class="input-group-btn input-group-append">
                    <button type="button" class="btn btn-default btn-outline-secondary"
                        onclick="var f=document.getElementById('jetpack-license-key');if(navigator.clipboard){navigator.clipboard.writeText(f.value);}else{f.select();document.execCommand('copy');}this.textContent='Copied';">Copy</button>
                </span>
            </div>
            {if $attached_site|default:''}
                <p>Attached to {$attached_site|escape:'html'}.</p>
            {/if}
            {if $jetpack_activation}
                <p><a href="{$jetpack_activation|escape:'html'}" target="_blank" rel="noopener noreferrer">Activate this licence in Jetpack on {$domain|default:''|escape:'html'}</a></p>
            {else}
                <p>To activate it, open Jetpack in your WordPress dashboard (Jetpack &rsaquo; Dashboard &rsaquo; License activation) and paste the key.</p>
            {/if}
        {elseif !($message|default:'')}
            <p>No Jetpack licence has been issued for this service yet. It will appear here as soon as your order is set up.</p>
        {/if}
        {if $jetpack_getting_started}
            <p><a href="{$jetpack_getting_started|escape:'html'}" target="_blank" rel="noopener noreferrer">How to install Jetpack and connect your plan</a></p>
        {/if}
    </div>
</div>
