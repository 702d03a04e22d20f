<?php

namespace JetpackBridgeTests;

use PHPUnit\Framework\TestCase;

/**
 * Base of the bridge tests: after each test, every module-log entry it caused is checked for the
 * partner token and the bridge secret (neither may appear), and for the masking values WHMCS needs.
 */
abstract class BridgeTestCase extends TestCase
{
    private int $logOffset = 0;

    protected function env(): TestEnvironment
    {
        return TestEnvironment::get();
    }

    protected function setUp(): void
    {
        $this->logOffset = ModuleLogRecorder::count();
    }

    protected function assertPostConditions(): void
    {
        $this->assertModuleLogClean(ModuleLogRecorder::since($this->logOffset), [$this->env()->token, $this->env()->secret()]);
    }

    /**
     * @param array<int, array<string, mixed>> $entries
     * @param string[] $secrets
     */
    protected function assertModuleLogClean(array $entries, array $secrets): void
    {
        foreach ($entries as $i => $entry) {
            $this->assertSame('jetpack', $entry['module'], "module-log entry {$i} names the module");
            $written = print_r([$entry['action'], $entry['request'], $entry['response'], $entry['processed']], true);
            foreach ($secrets as $secret) {
                $this->assertStringNotContainsString($secret, $written, "module-log entry {$i} ({$entry['action']}) leaks a secret");
            }
        }
    }

    /** A sentence staff can read: a non-empty string ending with a full stop, not "success". */
    protected function assertSentence($value, string $containing = ''): void
    {
        $this->assertIsString($value);
        $this->assertNotSame('success', $value);
        $this->assertMatchesRegularExpression('/^[A-Z].*[.!]$/s', $value, "not a sentence: {$value}");
        if ($containing !== '') {
            $this->assertStringContainsString($containing, $value);
        }
    }
}
