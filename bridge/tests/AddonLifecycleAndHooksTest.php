<?php

namespace JetpackBridgeTests;

/**
 * The addon module's settings, activation, deactivation and upgrade, and its hooks (the daily check,
 * the notices after each cron run, the dashboard widget), against a recording server in the
 * service's place.
 */
final class AddonLifecycleAndHooksTest extends BridgeTestCase
{
    private static ?RecordingService $recorder = null;

    protected function setUp(): void
    {
        parent::setUp();
        self::$recorder ??= new RecordingService($this->env()->scratch);
        self::$recorder->clear();
        AdminHost::reset();
    }

    public static function tearDownAfterClass(): void
    {
        self::$recorder?->stop();
        self::$recorder = null;
        AdminHost::reset();
    }

    public function testTheConfigKeepsTheOriginalsTokenSettingAndAddsTheClientSettings(): void
    {
        $config = jetpack_config();

        $this->assertSame(['api_token', 'client_changes_per_day', 'upsell'], array_keys($config['fields']));
        $this->assertSame('text', $config['fields']['api_token']['Type'], 'the original saved it as plain text: the same type reads it back');
        $this->assertSame('5', $config['fields']['client_changes_per_day']['Default']);
        $this->assertSame('yesno', $config['fields']['upsell']['Type']);
        $this->assertSame('', $config['fields']['upsell']['Default'], 'the upsell is off until an admin turns it on');
        foreach (['name', 'description', 'author', 'language', 'version'] as $key) {
            $this->assertIsString($config[$key]);
        }
    }

    public function testActivationIsForwardedWithTheAdminAndReturnsTheServicesAnswerEscaped(): void
    {
        self::$recorder->reply(200, ['status' => 'success', 'description' => 'Licence table ready; product group "Jetpack" <created>.']);

        $result = $this->withRecorder(fn () => jetpack_activate());

        $this->assertSame(['status' => 'success', 'description' => 'Licence table ready; product group &quot;Jetpack&quot; &lt;created&gt;.'], $result);
        $request = $this->onlyRequest('/admin/activate');
        $this->assertSame(['id' => 3, 'username' => 'alice'], json_decode($request['body'], true)['admin']);
    }

    public function testActivationWithTheServiceDownIsAnErrorSayingWhatToDo(): void
    {
        $url = 'http://127.0.0.1:' . Processes::freePort();

        $result = $this->env()->withConfig(['service_url' => $url], fn () => jetpack_activate());

        $this->assertSame('error', $result['status']);
        $this->assertSentence(html_entity_decode($result['description']), 'start the service');
    }

    public function testAnUnknownStatusFromTheServiceIsAnError(): void
    {
        self::$recorder->reply(200, ['status' => 'maybe', 'description' => 'x']);

        $result = $this->withRecorder(fn () => jetpack_activate());

        $this->assertSame('error', $result['status']);
    }

    public function testDeactivationDeletesNothingAndCallsNothing(): void
    {
        $result = $this->withRecorder(fn () => jetpack_deactivate());

        $this->assertSame('success', $result['status']);
        $this->assertSentence($result['description'], 'kept');
        $this->assertSame([], self::$recorder->requests());
    }

    public function testUpgradeIsForwardedWithThePreviousVersion(): void
    {
        self::$recorder->reply(200, ['status' => 'success', 'description' => 'Upgraded.']);

        $result = $this->withRecorder(fn () => jetpack_upgrade(['version' => '1.0.3', 'api_token' => 't']));

        $this->assertSame('success', $result['status']);
        $body = json_decode($this->onlyRequest('/admin/upgrade')['body'], true);
        $this->assertSame(['version' => '1.0.3'], $body['query']);
        $this->assertSame(['api_token' => 't'], $body['settings']);
    }

    public function testTheDailyCronJobStartsTheCheckAsCronAndTellsTheAdminsEachNotice(): void
    {
        $_SESSION = [];
        self::$recorder->reply(200, ['started' => true, 'notices' => [[
            'activity' => 'Jetpack daily check: 2 findings (1 licence active on a terminated service).',
            'subject' => 'Jetpack: 2 findings in the daily check',
            'message' => "2 findings <in> the daily check.\nOpen Addons > Jetpack > Drift.",
        ]]]);

        $this->withRecorder(fn () => AdminHost::runHook('DailyCronJob'));

        $body = json_decode($this->onlyRequest('/admin/daily-check')['body'], true);
        $this->assertSame(['id' => 0, 'username' => 'cron'], $body['admin']);
        $this->assertSame(
            [['description' => 'Jetpack daily check: 2 findings (1 licence active on a terminated service).']],
            AdminHost::calls('LogActivity')
        );
        $this->assertSame([[
            'customsubject' => 'Jetpack: 2 findings in the daily check',
            'custommessage' => "2 findings &lt;in&gt; the daily check.<br />\nOpen Addons &gt; Jetpack &gt; Drift.",
            'type' => 'system',
        ]], AdminHost::calls('SendAdminEmail'));
    }

    public function testTheDailyCronJobWithTheServiceDownLeavesOneActivityLine(): void
    {
        $url = 'http://127.0.0.1:' . Processes::freePort();

        $this->env()->withConfig(['service_url' => $url], fn () => AdminHost::runHook('DailyCronJob'));

        $lines = AdminHost::calls('LogActivity');
        $this->assertCount(1, $lines);
        $this->assertStringStartsWith('Jetpack daily check did not start: ', $lines[0]['description']);
        $this->assertStringContainsString('could not be reached', $lines[0]['description']);
        $this->assertSame([], AdminHost::calls('SendAdminEmail'));
    }

    public function testAfterCronJobDeliversTheNoticesTheServiceHandsOut(): void
    {
        self::$recorder->reply(200, ['notices' => [
            ['activity' => 'one', 'subject' => 'First', 'message' => 'First finding.'],
            ['activity' => 'two', 'subject' => '', 'message' => ''],
            'not a notice',
        ]]);

        $this->withRecorder(fn () => AdminHost::runHook('AfterCronJob'));

        $this->onlyRequest('/admin/notices');
        $this->assertSame([['description' => 'one'], ['description' => 'two']], AdminHost::calls('LogActivity'));
        $this->assertCount(1, AdminHost::calls('SendAdminEmail'), 'a notice without a subject and message sends no e-mail');
    }

    public function testAfterCronJobWithTheServiceDownStaysQuiet(): void
    {
        $url = 'http://127.0.0.1:' . Processes::freePort();

        $this->env()->withConfig(['service_url' => $url], fn () => AdminHost::runHook('AfterCronJob'));

        $this->assertSame([], AdminHost::calls('LogActivity'), 'every few minutes: no line each time');
    }

    public function testTheDashboardWidgetShowsTheServicesHtmlOnceWhmcsWidgetClassExists(): void
    {
        require_once __DIR__ . '/Support/AbstractWidget.php';
        self::$recorder->reply(200, ['html' => '<div class="widget-content-padded">1,204 active</div>']);

        $widgets = AdminHost::runHook('AdminHomeWidgets');

        $this->assertCount(1, $widgets);
        $widget = $widgets[0];
        $this->assertInstanceOf(\WHMCS\Module\AbstractWidget::class, $widget);
        $html = $this->withRecorder(fn () => $widget->generateOutput($widget->getData()));
        $this->assertSame('<div class="widget-content-padded">1,204 active</div>', $html);
        $body = json_decode($this->onlyRequest('/admin/widget')['body'], true);
        $this->assertSame('GET', $body['method']);
        $this->assertSame(['id' => 3, 'username' => 'alice'], $body['admin']);

        self::$recorder->reply(503, ['error' => 'The service is shutting down.']);
        $down = $this->withRecorder(fn () => $widget->generateOutput($widget->getData()));
        $this->assertStringContainsString('alert-danger', $down);
        $this->assertStringContainsString('shutting down', $down);
    }

    public function testHooksFileOutsideWhmcsWidgetsRegistersWithoutAFatalAndAddsNoWidget(): void
    {
        $script = 'define("WHMCS", true); $hooks = [];'
            . ' function add_hook($h, $p, $f) { $GLOBALS["hooks"][$h] = $f; }'
            . ' require $argv[1]; echo json_encode(["hooks" => array_keys($hooks), "widget" => $hooks["AdminHomeWidgets"]()]);';

        $run = self::php(['-d', 'error_reporting=-1', '-d', 'display_errors=1', '-r', $script, $this->env()->addonDir() . '/hooks.php']);

        $this->assertSame(0, $run['exit'], $run['stdout'] . $run['stderr']);
        $this->assertSame('{"hooks":["DailyCronJob","AfterCronJob","AdminHomeWidgets"],"widget":null}', $run['stdout']);
    }

    public function testHooksFileAloneDoesNotLoadTheModuleClasses(): void
    {
        $script = 'define("WHMCS", true); function add_hook($h, $p, $f) {}'
            . ' require $argv[1]; echo json_encode(array_values(array_filter(get_declared_classes(), fn ($c) => str_contains($c, "Jetpack"))));';

        $run = self::php(['-r', $script, $this->env()->addonDir() . '/hooks.php']);

        $this->assertSame('[]', $run['stdout'], 'hooks.php runs on every WHMCS page: it only registers closures');
    }

    /**
     * @param string[] $args
     * @return array{exit: int, stdout: string, stderr: string}
     */
    public static function php(array $args): array
    {
        $process = proc_open(array_merge([PHP_BINARY], $args), [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        $stdout = (string) stream_get_contents($pipes[1]);
        $stderr = (string) stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);

        return ['exit' => proc_close($process), 'stdout' => $stdout, 'stderr' => $stderr];
    }

    private function withRecorder(callable $call)
    {
        return $this->env()->withConfig(['service_url' => self::$recorder->url], $call);
    }

    /** @return array{method: string, path: string, headers: array<string, string>, body: string} */
    private function onlyRequest(string $path): array
    {
        $requests = self::$recorder->requests();
        $this->assertCount(1, $requests);
        $this->assertSame($path, $requests[0]['path']);
        $h = $requests[0]['headers'];
        $action = substr($path, strlen('/admin/'));
        $this->assertSame(
            hash_hmac('sha256', "v1\nadmin/{$action}\n{$h['x-jetpack-whmcs-timestamp']}\n{$h['x-jetpack-whmcs-nonce']}\n{$requests[0]['body']}", $this->env()->secret()),
            $h['x-jetpack-whmcs-signature']
        );

        return $requests[0];
    }
}
