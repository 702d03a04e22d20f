<?php

namespace JetpackBridgeTests;

/**
 * The addon module against the real service (`serve --sandbox`): the page it renders, and the
 * service's refusal of a replayed or altered signed admin call (docs/admin-protocol.md, Security).
 */
final class AddonAgainstTheServiceTest extends BridgeTestCase
{
    private const VARS = [
        'modulelink' => 'addonmodules.php?module=jetpack',
        'version' => '2.0.0',
        'api_token' => '',
        '_lang' => [],
    ];

    protected function setUp(): void
    {
        parent::setUp();
        AdminHost::reset();
        $this->env()->service();
    }

    public static function tearDownAfterClass(): void
    {
        AdminHost::reset();
    }

    public function testTheAddonPageIsTheServicesLicenceList(): void
    {
        $_GET = ['module' => 'jetpack', 'page' => 'licenses'];

        ob_start();
        jetpack_output(self::VARS + ['api_token' => $this->env()->token]);
        $page = (string) ob_get_clean();

        $this->assertStringNotContainsString('alert-danger', $page, $page);
        $this->assertStringContainsString('name="q"', $page, 'the search form');
        $this->assertStringContainsString('addonmodules.php?module=jetpack', $page, 'links and forms point back to the addon');
        $this->assertStringNotContainsString($this->env()->token, $page, 'the token is never shown');
    }

    public function testAReplayedSignedAdminPostIsRefusedAndAnAlteredOneToo(): void
    {
        $recorder = new RecordingService($this->env()->scratch);
        try {
            $recorder->reply(200, ['html' => '<p>recorded</p>']);
            $_SERVER['REQUEST_METHOD'] = 'POST';
            $_GET = ['module' => 'jetpack', 'page' => 'license', 'id' => '999999'];
            $_POST = ['token' => AdminHost::$token, 'action' => 'refresh'];
            $this->env()->withConfig(['service_url' => $recorder->url], function () {
                ob_start();
                jetpack_output(self::VARS);
                ob_end_clean();
            });
            $requests = $recorder->requests();
        } finally {
            $recorder->stop();
        }
        $this->assertCount(1, $requests);
        $signed = $requests[0];

        $first = self::send($signed['headers'], $signed['body']);
        $replay = self::send($signed['headers'], $signed['body']);
        $altered = self::send(
            ['x-jetpack-whmcs-nonce' => bin2hex(random_bytes(16))] + $signed['headers'],
            str_replace('"refresh"', '"revoke"', $signed['body'])
        );

        $this->assertSame(200, $first['status'], 'the admin\'s own call is accepted once: ' . $first['body']);
        $this->assertSame(401, $replay['status'], 'the same signed call again is a replay: ' . $replay['body']);
        $this->assertIsString(json_decode($replay['body'], true)['error'] ?? null);
        $this->assertSame(401, $altered['status'], 'a changed body no longer matches its signature: ' . $altered['body']);
    }

    /**
     * Posts $body to the real service's /admin/page with the signature headers of $headers.
     *
     * @param array<string, string> $headers
     * @return array{status: int, body: string}
     */
    private static function send(array $headers, string $body): array
    {
        $curl = curl_init(TestEnvironment::get()->service() . '/admin/page');
        curl_setopt_array($curl, [
            CURLOPT_POST => true,
            CURLOPT_POSTFIELDS => $body,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_TIMEOUT => 20,
            CURLOPT_HTTPHEADER => [
                'Content-Type: application/json',
                'Expect:',
                'X-Jetpack-Whmcs-Timestamp: ' . $headers['x-jetpack-whmcs-timestamp'],
                'X-Jetpack-Whmcs-Nonce: ' . $headers['x-jetpack-whmcs-nonce'],
                'X-Jetpack-Whmcs-Signature: ' . $headers['x-jetpack-whmcs-signature'],
            ],
        ]);
        $answer = (string) curl_exec($curl);
        $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        curl_close($curl);

        return ['status' => $status, 'body' => $answer];
    }
}
