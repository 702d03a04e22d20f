<?php

namespace JetpackBridgeTests;

/**
 * The addon module's page and sidebar (jetpack_output, jetpack_sidebar) as WHMCS calls them, against a
 * recording server in the service's place: what is forwarded, signed how, and what is never forwarded.
 */
final class AddonPageTest extends BridgeTestCase
{
    private static ?RecordingService $recorder = null;

    private const VARS = [
        'module' => 'jetpack',
        'modulelink' => 'addonmodules.php?module=jetpack',
        'version' => '2.0.0',
        'api_token' => 'addon-saved-token',
        'client_changes_per_day' => '5',
        'upsell' => '',
        '_lang' => [],
    ];

    protected function setUp(): void
    {
        parent::setUp();
        self::$recorder ??= new RecordingService($this->env()->scratch);
        self::$recorder->clear();
        self::$recorder->reply(200, ['html' => '<table class="table"><tr><td>licences</td></tr></table>', 'title' => 'Licences']);
        AdminHost::reset();
    }

    public static function tearDownAfterClass(): void
    {
        self::$recorder?->stop();
        self::$recorder = null;
        AdminHost::reset();
    }

    public function testAGetIsForwardedSignedWithTheAdminTheQueryAndTheSettings(): void
    {
        $_GET = ['module' => 'jetpack', 'page' => 'licenses', 'q' => '<b>example.com</b>', 'list' => ['x']];

        $page = $this->open();

        $this->assertSame('<table class="table"><tr><td>licences</td></tr></table>', $page, 'the service\'s page is printed as it came');
        $request = $this->onlyRequest('/admin/page');
        $body = json_decode($request['body'], true);
        $this->assertSame(['id' => 3, 'username' => 'alice'], $body['admin']);
        $this->assertSame('GET', $body['method']);
        $this->assertSame('addonmodules.php?module=jetpack', $body['modulelink']);
        $this->assertSame(['page' => 'licenses', 'q' => '<b>example.com</b>'], $body['query'], 'module and non-string values are left out');
        $this->assertArrayNotHasKey('form', $body, 'a GET carries no form');
        $this->assertSame(AdminHost::$token, $body['csrf'], 'the service puts WHMCS\'s token into its forms');
        $this->assertSame(['api_token' => 'addon-saved-token', 'client_changes_per_day' => '5', 'upsell' => ''], $body['settings']);
        $this->assertSame('english', $body['language']);
        $this->assertSame([], AdminHost::$tokenChecks, 'a GET needs no CSRF check');
    }

    public function testAPostWithWhmcsTokenIsCheckedThenForwardedWithTheFormWithoutTheToken(): void
    {
        $_SERVER['REQUEST_METHOD'] = 'POST';
        $_GET = ['module' => 'jetpack', 'page' => 'license', 'id' => '12'];
        $_POST = ['token' => AdminHost::$token, 'action' => 'revoke', 'confirm' => 'yes'];

        $this->open();

        $this->assertSame(['WHMCS.admin.default'], AdminHost::$tokenChecks);
        $body = json_decode($this->onlyRequest('/admin/page')['body'], true);
        $this->assertSame('POST', $body['method']);
        $this->assertSame(['action' => 'revoke', 'confirm' => 'yes'], $body['form']);
        $this->assertSame(['page' => 'license', 'id' => '12'], $body['query']);
        $this->assertSame(['id' => 3, 'username' => 'alice'], $body['admin']);
    }

    public function testAPostWithAWrongTokenForwardsNothingAndSaysSoInOneSentence(): void
    {
        $_SERVER['REQUEST_METHOD'] = 'POST';
        $_POST = ['token' => 'forged', 'action' => 'revoke'];

        $page = $this->open();

        $this->assertSame([], self::$recorder->requests(), 'nothing reaches the service');
        $this->assertSame(['WHMCS.admin.default'], AdminHost::$tokenChecks);
        $this->assertOneAlert($page, 'nothing was changed');
    }

    public function testAPostWithoutATokenForwardsNothing(): void
    {
        $_SERVER['REQUEST_METHOD'] = 'POST';
        $_POST = ['action' => 'revoke'];

        $page = $this->open();

        $this->assertSame([], self::$recorder->requests());
        $this->assertOneAlert($page, 'reload the page');
    }

    public function testWithoutAnAdminSessionNothingIsForwarded(): void
    {
        $_SESSION = [];

        $page = $this->open();

        $this->assertSame([], self::$recorder->requests());
        $this->assertOneAlert($page, 'log in to WHMCS admin');
        $this->assertSame('', jetpack_sidebar(self::VARS), 'no sidebar either');
        $this->assertSame([], self::$recorder->requests());
    }

    public function testTheUsernameFallsBackToNothingWhenGetAdminDetailsFails(): void
    {
        AdminHost::$adminName = '';

        $this->open();

        $this->assertSame(['id' => 3, 'username' => ''], json_decode($this->onlyRequest('/admin/page')['body'], true)['admin']);
    }

    public function testAServiceErrorIsShownAsOneEscapedSentence(): void
    {
        self::$recorder->reply(400, ['error' => 'The filter <script>alert(1)</script> is not a state: choose one from the list.']);

        $page = $this->open();

        $this->assertStringNotContainsString('<script>', $page);
        $this->assertOneAlert($page, 'HTTP 400');
        $this->assertStringContainsString('&lt;script&gt;', $page);
    }

    public function testARefusedSignatureSaysToCheckTheSecret(): void
    {
        self::$recorder->reply(401, ['error' => 'The request signature is wrong.']);

        $page = $this->open();

        $this->assertOneAlert($page, 'bridge-secret');
        $this->assertStringNotContainsString($this->env()->secret(), $page);
    }

    public function testAnAnswerWithoutHtmlIsOneSentence(): void
    {
        self::$recorder->reply(200, ['title' => 'no html']);

        $this->assertOneAlert($this->open(), 'same release');
    }

    public function testWithTheServiceDownThePageSaysWhatToDoWithinTheBoundedTime(): void
    {
        $url = 'http://127.0.0.1:' . Processes::freePort();
        $started = microtime(true);

        $page = $this->env()->withConfig(['service_url' => $url], fn () => $this->open(true));

        $this->assertLessThan(4.0, microtime(true) - $started, 'connect timeout is 3 s');
        $this->assertOneAlert($page, 'could not be reached');
        $this->assertStringContainsString('start the service', $page);
        $this->assertStringContainsString($url, $page);
    }

    public function testWithoutTheBridgeConfigThePageSaysToRunTheInstaller(): void
    {
        $config = $this->env()->configPath();
        $saved = (string) file_get_contents($config);
        unlink($config);
        try {
            $page = $this->open(true);
        } finally {
            file_put_contents($config, $saved);
            chmod($config, 0600);
        }

        $this->assertOneAlert($page, 'jetpack-whmcs whmcs install');
    }

    public function testTheSidebarIsForwardedAsAGet(): void
    {
        self::$recorder->reply(200, ['html' => '<ul class="list-group"><li>Drift: 2</li></ul>']);
        $_GET = ['module' => 'jetpack', 'page' => 'drift'];

        $html = $this->withRecorder(fn () => jetpack_sidebar(self::VARS));

        $this->assertSame('<ul class="list-group"><li>Drift: 2</li></ul>', $html);
        $body = json_decode($this->onlyRequest('/admin/sidebar')['body'], true);
        $this->assertSame('GET', $body['method']);
        $this->assertSame(['id' => 3, 'username' => 'alice'], $body['admin']);
    }

    /** The page as jetpack_output prints it, with config.php pointing at the recorder unless $asConfigured. */
    private function open(bool $asConfigured = false): string
    {
        $print = static function (): string {
            ob_start();
            try {
                jetpack_output(self::VARS);
            } finally {
                $page = (string) ob_get_clean();
            }

            return $page;
        };

        return $asConfigured ? $print() : $this->withRecorder($print);
    }

    private function withRecorder(callable $call)
    {
        return $this->env()->withConfig(['service_url' => self::$recorder->url], $call);
    }

    /** @return array{method: string, path: string, headers: array<string, string>, body: string} */
    private function onlyRequest(string $path): array
    {
        $requests = self::$recorder->requests();
        $this->assertCount(1, $requests, 'one call per page view');
        $request = $requests[0];
        $this->assertSame('POST', $request['method']);
        $this->assertSame($path, $request['path']);
        $this->assertSame('application/json', $request['headers']['content-type'] ?? null);
        $timestamp = $request['headers']['x-jetpack-whmcs-timestamp'] ?? '';
        $nonce = $request['headers']['x-jetpack-whmcs-nonce'] ?? '';
        $this->assertMatchesRegularExpression('/^[0-9a-f]{32}$/', $nonce);
        $this->assertLessThan(60, abs(time() - (int) $timestamp));
        $action = substr($path, strlen('/admin/'));
        $expected = hash_hmac('sha256', "v1\nadmin/{$action}\n{$timestamp}\n{$nonce}\n{$request['body']}", $this->env()->secret());
        $this->assertSame($expected, $request['headers']['x-jetpack-whmcs-signature'] ?? null, 'signed over admin/{action} with the bridge secret');
        $this->assertStringNotContainsString($this->env()->secret(), $request['body'] . json_encode($request['headers']));

        return $request;
    }

    private function assertOneAlert(string $page, string $containing): void
    {
        $this->assertMatchesRegularExpression('#^<div class="alert alert-danger" role="alert">[^<>]+</div>$#', $page);
        $text = html_entity_decode(strip_tags($page), ENT_QUOTES | ENT_HTML5);
        $this->assertSentence($text, $containing);
    }
}
