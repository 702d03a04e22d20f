<?php

namespace JetpackBridgeTests;

/**
 * Full lifecycles as WHMCS drives them, through the installed module, the real service and its sandbox:
 * a product service, and two different Jetpack addons on one parent service.
 */
final class LifecycleTest extends BridgeTestCase
{
    public function testAProductServiceFromCreateToTerminate(): void
    {
        $env = $this->env();
        $env->service();
        $sandbox = $env->sandbox();
        $params = WhmcsParams::service(1001, 2001, 11, $env->token, 'jetpack-scan');

        $this->assertSame('success', jetpack_CreateAccount($params));
        $key = $this->clientKey($params);
        $this->assertStringStartsWith('jetpack-scan_', $key);
        $this->assertNull($sandbox->license($key)['revoked_at'], 'the licence is live on the sandbox');

        $this->assertSame([], jetpack_ClientArea(array_replace($params, ['configoption3' => ''])), 'hidden when Show User License is off');
        $this->assertSame('success', jetpack_CreateAccount($params), 'a repeated Create is safe');
        $this->assertSame($key, $this->clientKey($params), 'and changes nothing');

        $tab = jetpack_AdminServicesTabFields($params);
        $this->assertContains($key, $tab);

        $this->assertSame('success', jetpack_AttachLicense($params));
        $this->assertTrue($sandbox->isAttached($key), 'attached on the sandbox');
        $this->assertContains('https://shop.example.com', jetpack_AdminServicesTabFields($params));
        $this->assertSame('success', jetpack_SuspendAccount($params));
        $this->assertSame('success', jetpack_UnsuspendAccount($params));
        $this->assertSame('success', jetpack_Renew($params));
        $this->assertSame('success', jetpack_RefreshStatus($params));
        $this->assertSame('success', jetpack_DetachLicense($params));
        $this->assertFalse($sandbox->isAttached($key), 'detached on the sandbox');

        $upgraded = array_replace($params, ['configoption2' => 'jetpack-backup-daily']);
        $this->assertSame('success', jetpack_ChangePackage($upgraded));
        $newKey = $this->clientKey($upgraded);
        $this->assertStringStartsWith('jetpack-backup-daily_', $newKey);
        $this->assertNotNull($sandbox->license($key)['revoked_at'], 'the old licence is revoked after the upgrade');

        $this->assertSame('success', jetpack_ReissueLicense($upgraded));
        $reissued = $this->clientKey($upgraded);
        $this->assertNotSame($newKey, $reissued);
        $this->assertNotNull($sandbox->license($newKey)['revoked_at'], 'the leaked key is revoked');

        $this->assertSame('success', jetpack_TerminateAccount($upgraded));
        $this->assertNotNull($sandbox->license($reissued)['revoked_at'], 'Terminate revoked the licence on the sandbox');
        $this->assertSame('success', jetpack_TerminateAccount($upgraded), 'a repeated Terminate is safe');
        $after = jetpack_ClientArea($upgraded);
        $this->assertSame('', $after['vars']['license_key'], 'no key is shown once revoked');
        $this->assertSame('revoked', $after['vars']['state']);
    }

    public function testTwoJetpackAddonsOnOneParentServiceEachGetTheirOwnLicence(): void
    {
        $env = $this->env();
        $env->service();
        $sandbox = $env->sandbox();
        $antiSpam = WhmcsParams::addon(31, 1101, 2101, 12, $env->token, 'jetpack-anti-spam');
        $backup = WhmcsParams::addon(32, 1101, 2101, 12, $env->token, 'jetpack-backup-daily');

        $this->assertSame('success', jetpack_CreateAccount($antiSpam));
        $this->assertSame('success', jetpack_CreateAccount($backup), 'the second addon does not collide with the first');

        $antiSpamKey = $this->clientKey($antiSpam);
        $backupKey = $this->clientKey($backup);
        $this->assertStringStartsWith('jetpack-anti-spam_', $antiSpamKey);
        $this->assertStringStartsWith('jetpack-backup-daily_', $backupKey);

        $this->assertSame('success', jetpack_TerminateAccount($antiSpam));
        $this->assertNotNull($sandbox->license($antiSpamKey)['revoked_at']);
        $this->assertNull($sandbox->license($backupKey)['revoked_at'], 'the other addon keeps its licence');
        $this->assertSame($backupKey, $this->clientKey($backup));
    }

    public function testAHostileDomainNeverBecomesMarkupInTheClientAreaOrTheAdminTab(): void
    {
        $env = $this->env();
        $env->service();
        $hostile = 'x.com"><script>alert(1)</script>';
        $params = WhmcsParams::service(1201, 2201, 11, $env->token, 'jetpack-scan', ['domain' => $hostile]);

        $this->assertSame('success', jetpack_CreateAccount($params));
        $refusal = jetpack_AttachLicense($params);
        $this->assertSentence($refusal, 'x.com"&gt;&lt;script&gt;');
        $client = jetpack_ClientArea($params);
        $html = SmartyRenderer::render($env->moduleDir() . '/templates', $client['templatefile'] . '.tpl', $client['vars']);
        $tab = implode("\n", jetpack_AdminServicesTabFields($params));

        $this->assertStringContainsString($this->clientKey($params), $html);
        foreach ([$html, $tab, $refusal] as $output) {
            $this->assertStringNotContainsString('<script', $output);
            $this->assertStringNotContainsString('"><', $output);
        }
        $this->assertSame($hostile, $client['vars']['domain'], 'the service hands the domain over as typed; the template escapes it');
        $this->assertStringNotContainsString('href="https://x.com"', $html, 'no link is built on a domain that is not a site address');
    }

    public function testTheModuleLogShowsEachCallWithTheTokenMaskedAndTheSecretsToScrub(): void
    {
        $env = $this->env();
        $env->service();
        $params = WhmcsParams::service(1301, 2301, 11, $env->token, 'jetpack-anti-spam');
        $before = ModuleLogRecorder::count();

        $this->assertSame('success', jetpack_CreateAccount($params));

        $entries = ModuleLogRecorder::since($before);
        $this->assertCount(1, $entries);
        $entry = $entries[0];
        $this->assertSame('CreateAccount', $entry['action']);
        $this->assertSame('(hidden)', $entry['request']['configoption1']);
        $this->assertSame(1301, $entry['request']['serviceid']);
        $this->assertSame(2301, $entry['request']['orderid'], 'orderid read from the model object');
        $this->assertSame(['email' => 'ada@example.com', 'firstname' => 'Ada', 'lastname' => 'Lovelace'], $entry['request']['clientsdetails']);
        $this->assertArrayNotHasKey('password', $entry['request'], 'only the fields the protocol names are sent');
        $this->assertStringContainsString('HTTP 200', $entry['response']);
        $this->assertSame('success', $entry['processed']);
        $this->assertContains($env->token, $entry['replaceVars']);
        $this->assertContains($env->secret(), $entry['replaceVars']);
    }

    public function testTestConnectionProvesTheTokenAndTheLoaderListsProducts(): void
    {
        $env = $this->env();
        $env->service();

        $this->assertSame(['success' => true, 'error' => ''], jetpack_TestConnection(['configoption1' => $env->token]));
        $wrong = jetpack_TestConnection(['configoption1' => 'not-a-partner-token']);
        $this->assertFalse($wrong['success']);
        $this->assertSentence($wrong['error']);

        $products = jetpack_LoadProducts([]);
        $this->assertArrayHasKey('jetpack-scan', $products);
        $this->assertIsString($products['jetpack-scan']);

        $options = jetpack_ConfigOptions([]);
        $this->assertSame(['API Token', 'Jetpack Product', 'Show User License'], array_slice(array_keys($options), 0, 3));
        $this->assertSame('jetpack_LoadProducts', $options['Jetpack Product']['Loader']);
        $this->assertTrue(function_exists($options['Jetpack Product']['Loader']));
    }

    /** WHMCS stores settings by position: the static fallback must list the service's fields in its order. */
    public function testTheServiceDownFallbackHasTheServicesSettingsInTheSameOrder(): void
    {
        $this->env()->service();
        $live = jetpack_ConfigOptions([]);
        $fallback = \WHMCS\Module\Server\Jetpack\Fallback::configOptions('The service is down.');

        $this->assertSame(array_keys($live), array_keys($fallback));
        foreach ($live as $name => $field) {
            $expected = $name === 'Jetpack Product' ? 'text' : $field['Type'];
            $this->assertSame($expected, $fallback[$name]['Type'], $name);
            if (isset($field['Options'])) {
                $this->assertEquals($field['Options'], $fallback[$name]['Options'], $name);
            }
        }
    }

    public function testEveryFunctionCopesWithEmptyParamsAsWhmcsContractTestCallsThem(): void
    {
        $this->env()->service();
        foreach (['CreateAccount', 'SuspendAccount', 'UnsuspendAccount', 'TerminateAccount', 'Renew', 'ChangePackage', 'AttachLicense', 'DetachLicense', 'RefreshStatus', 'ReissueLicense'] as $function) {
            $this->assertSentence(('jetpack_' . $function)([]));
        }
        foreach (['ConfigOptions', 'TestConnection', 'AdminCustomButtonArray', 'AdminServicesTabFields', 'ClientArea'] as $function) {
            $this->assertIsArray(('jetpack_' . $function)([]), $function);
        }
        $this->assertIsArray(jetpack_MetaData());
        $buttons = jetpack_AdminCustomButtonArray([]);
        $this->assertNotEmpty($buttons);
        foreach ($buttons as $label => $suffix) {
            $this->assertTrue(function_exists('jetpack_' . $suffix), "the {$label} button calls a function the module defines");
        }
        $this->assertFalse(jetpack_TestConnection([])['success']);
        // Odd values WHMCS could pass: a model without orderid, arrays where strings belong.
        $odd = ['serviceid' => 'abc', 'model' => new \stdClass(), 'domain' => ['x'], 'clientsdetails' => 'none', 'configoption1' => ['t']];
        $this->assertSentence(jetpack_CreateAccount($odd));
        $this->assertSentence(jetpack_CreateAccount(['serviceid' => 5, 'model' => ['orderid' => 9]]));
    }

    private function clientKey(array $params): string
    {
        $client = jetpack_ClientArea($params);
        $this->assertSame('jetpack_license', $client['templatefile'] ?? null, 'ClientArea answers the template: ' . print_r($client, true));

        return (string) $client['vars']['license_key'];
    }
}
