<?php

namespace JetpackBridgeTests;

/**
 * With the service stopped, unreachable, silent or misconfigured, every WHMCS function still answers
 * in the shape WHMCS expects, with a sentence saying what is wrong, within a bounded time.
 */
final class ServiceDownTest extends BridgeTestCase
{
    private const CORE = [
        'CreateAccount', 'SuspendAccount', 'UnsuspendAccount', 'TerminateAccount', 'Renew', 'ChangePackage',
        'AttachLicense', 'DetachLicense', 'RefreshStatus', 'ReissueLicense',
    ];

    public function testWithTheServiceStoppedCoreFunctionsReturnASentenceQuickly(): void
    {
        $this->withClosedPort(function (string $url) {
            foreach (self::CORE as $function) {
                $started = microtime(true);
                $answer = ('jetpack_' . $function)($this->params());
                $this->assertLessThan(5.0, microtime(true) - $started, "{$function} took too long");
                $this->assertSentence($answer, 'could not be reached');
                $this->assertStringContainsString($url, $answer, "{$function} names the address it tried");
            }
        });
    }

    public function testWithTheServiceStoppedArrayFunctionsReturnArrays(): void
    {
        $this->withClosedPort(function () {
            $test = jetpack_TestConnection($this->params());
            $this->assertFalse($test['success']);
            $this->assertSentence($test['error'], 'could not be reached');

            $buttons = jetpack_AdminCustomButtonArray($this->params());
            $this->assertSame(
                ['Attach License' => 'AttachLicense', 'Detach License' => 'DetachLicense', 'Refresh Status' => 'RefreshStatus', 'Reissue License' => 'ReissueLicense'],
                $buttons
            );
            foreach ($buttons as $suffix) {
                $this->assertTrue(function_exists('jetpack_' . $suffix), "button function jetpack_{$suffix} exists");
            }

            $tab = jetpack_AdminServicesTabFields($this->params());
            $this->assertIsArray($tab);
            $this->assertStringContainsString('could not be reached', implode(' ', $tab));

            $client = jetpack_ClientArea($this->params());
            $this->assertSame('jetpack_license', $client['templatefile']);
            $this->assertSentence($client['vars']['message'], 'cannot be shown right now');
            $this->assertStringNotContainsString('127.0.0.1', $client['vars']['message'], 'customers do not see the service address');

            $this->assertSame([], jetpack_ClientArea(['configoption3' => '']), 'no client-area block when the product hides the licence');

            $this->assertSame('Jetpack Provisioning', jetpack_MetaData()['DisplayName']);
            $this->assertFalse(jetpack_MetaData()['RequiresServer']);
        });
    }

    public function testWithTheServiceStoppedConfigOptionsKeepsTheSettingsEditableInTheirPositions(): void
    {
        $this->withClosedPort(function () {
            $options = jetpack_ConfigOptions([]);

            $this->assertSame(
                ['API Token', 'Jetpack Product', 'Show User License', 'Suspension Policy', 'Attach On Create', 'Detach Emails Site Owner'],
                array_keys($options)
            );
            $this->assertSame('text', $options['Jetpack Product']['Type'], 'a plain field keeps the stored slug editable');
            $this->assertArrayNotHasKey('Loader', $options['Jetpack Product']);
            $this->assertStringContainsString('could not be reached', $options['API Token']['Description']);
        });
    }

    public function testWithTheServiceStoppedTheLoaderThrowsWithASentence(): void
    {
        $this->withClosedPort(function () {
            try {
                jetpack_LoadProducts([]);
                $this->fail('the loader must throw when the service is down');
            } catch (\Exception $e) {
                $this->assertSentence($e->getMessage(), 'could not be reached');
            }
        });
    }

    public function testASilentServiceIsGivenUpOnAtTheConfiguredTimeout(): void
    {
        // A listening socket that never accepts: the TCP connect succeeds, no answer ever comes.
        $silent = stream_socket_server('tcp://127.0.0.1:0');
        $name = (string) stream_socket_get_name($silent, false);
        $url = 'http://' . $name;
        try {
            $this->env()->withConfig(['service_url' => $url, 'timeout' => 2], function () {
                $started = microtime(true);
                $answer = jetpack_CreateAccount($this->params());
                $elapsed = microtime(true) - $started;

                $this->assertSentence($answer, 'did not answer within 2 seconds');
                $this->assertGreaterThanOrEqual(1.5, $elapsed);
                $this->assertLessThan(4.0, $elapsed);
            });
        } finally {
            fclose($silent);
        }
    }

    public function testTheDefaultTimeoutsAreThreeSecondsToConnectAndTwentyFiveInAll(): void
    {
        $config = \WHMCS\Module\Server\Jetpack\BridgeConfig::load($this->env()->configPath());

        $this->assertSame(3, $config->connectTimeout);
        $this->assertSame(25, $config->timeout);
    }

    public function testAMissingConfigFileIsReportedWithTheInstallCommand(): void
    {
        $path = $this->env()->configPath();
        $saved = (string) file_get_contents($path);
        unlink($path);
        try {
            $this->assertSentence(jetpack_CreateAccount($this->params()), 'jetpack-whmcs whmcs install');
            $this->assertFalse(jetpack_TestConnection($this->params())['success']);
            $this->expectException(\Exception::class);
            $this->expectExceptionMessage('not configured');
            jetpack_LoadProducts([]);
        } finally {
            file_put_contents($path, $saved);
            chmod($path, 0600);
        }
    }

    public function testAWrongSecretIsReportedAsARefusalWithWhatToDo(): void
    {
        $this->env()->service();
        $this->env()->withConfig(['secret' => str_repeat('ab', 32)], function () {
            $answer = jetpack_CreateAccount($this->params());

            $this->assertSentence($answer, 'HTTP 401');
            $this->assertStringContainsString('re-run "jetpack-whmcs whmcs install"', $answer);
        });
    }

    private function withClosedPort(callable $test): void
    {
        $url = 'http://127.0.0.1:' . Processes::freePort();
        $this->env()->withConfig(['service_url' => $url], fn () => $test($url));
    }

    /** @return array<string, mixed> */
    private function params(): array
    {
        return WhmcsParams::service(501, 901, 11, $this->env()->token, 'jetpack-scan');
    }
}
