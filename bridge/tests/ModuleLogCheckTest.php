<?php

namespace JetpackBridgeTests;

use PHPUnit\Framework\ExpectationFailedException;

/** The module-log check every test runs afterwards can fail: a leaked token or secret is caught. */
final class ModuleLogCheckTest extends BridgeTestCase
{
    public function testATokenAnywhereInAnEntryIsCaught(): void
    {
        $token = $this->env()->token;
        foreach (['request' => ['configoption1' => $token], 'response' => "Bearer {$token}", 'processed' => ['x' => [$token]]] as $field => $value) {
            $entry = ['module' => 'jetpack', 'action' => 'CreateAccount', 'request' => [], 'response' => '', 'processed' => '', 'replaceVars' => []];
            $entry[$field] = $value;
            try {
                $this->assertModuleLogClean([$entry], [$token]);
                $this->fail("a token in {$field} went unnoticed");
            } catch (ExpectationFailedException $e) {
                $this->assertStringContainsString('leaks a secret', $e->getMessage());
            }
        }
    }

    public function testTheModuleMasksTheTokenItWasGivenEvenInOtherFields(): void
    {
        $token = $this->env()->token;
        $before = ModuleLogRecorder::count();

        // The service is unreachable here; what matters is what the module writes to the log.
        $this->env()->withConfig(['service_url' => 'http://127.0.0.1:' . Processes::freePort()], function () use ($token) {
            jetpack_CreateAccount(['serviceid' => 1, 'configoption1' => $token, 'domain' => "shop-{$token}.example.com"]);
        });

        $entry = ModuleLogRecorder::since($before)[0];
        $this->assertSame('(hidden)', $entry['request']['configoption1']);
        $this->assertSame('shop-(hidden).example.com', $entry['request']['domain']);
        $this->assertContains($token, $entry['replaceVars']);
    }
}
