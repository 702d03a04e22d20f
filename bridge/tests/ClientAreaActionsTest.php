<?php

namespace JetpackBridgeTests;

use WHMCS\Module\Server\Jetpack\Upsell;

/**
 * The customer's side through the installed module, against the real service on a WHMCS database
 * (MariaDB with WHMCS's tables beside the ledger, as in production): the actions and their sentences in
 * the client's language, the buttons, the upsell panel's HTML, and every one of them with the service down.
 */
final class ClientAreaActionsTest extends BridgeTestCase
{
    private const WHMCS_DDL = [
        'CREATE TABLE tblhosting (id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, userid int(10) NOT NULL, orderid int(10) NOT NULL DEFAULT 0, packageid int(10) NOT NULL, domain text NOT NULL, domainstatus varchar(16) NOT NULL DEFAULT \'Pending\', billingcycle text NOT NULL)',
        'CREATE TABLE tblhostingaddons (id int(10) NOT NULL AUTO_INCREMENT PRIMARY KEY, orderid int(10) NOT NULL DEFAULT 0, hostingid int(10) NOT NULL, addonid int(10) NOT NULL, status varchar(16) NOT NULL DEFAULT \'Pending\', billingcycle text NOT NULL)',
        'CREATE TABLE tblclients (id int(10) NOT NULL AUTO_INCREMENT PRIMARY KEY, firstname text NOT NULL, lastname text NOT NULL, email text NOT NULL, language text NOT NULL, currency int(10) NOT NULL DEFAULT 0)',
        'CREATE TABLE tblproducts (id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, name text NOT NULL, servertype text NOT NULL, configoption1 text NOT NULL)',
        'CREATE TABLE tbladdons (id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, packages text NOT NULL, name text NOT NULL, billingcycle text NOT NULL, module text NOT NULL, retired tinyint(1) NOT NULL DEFAULT 0)',
        'CREATE TABLE tblmodule_configuration (id int(10) unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY, entity_type varchar(8) NOT NULL, entity_id int(10) unsigned NOT NULL, setting_name varchar(16) NOT NULL, value text NOT NULL)',
        'CREATE TABLE tblpricing (id int(10) NOT NULL AUTO_INCREMENT PRIMARY KEY, type varchar(16) NOT NULL, currency int(10) NOT NULL, relid int(10) NOT NULL, monthly decimal(16,2) NOT NULL, quarterly decimal(16,2) NOT NULL, semiannually decimal(16,2) NOT NULL, annually decimal(16,2) NOT NULL, biennially decimal(16,2) NOT NULL, triennially decimal(16,2) NOT NULL)',
        'CREATE TABLE tblcurrencies (id int(10) NOT NULL AUTO_INCREMENT PRIMARY KEY, code text NOT NULL, prefix text NOT NULL, suffix text NOT NULL, format int(1) NOT NULL DEFAULT 1, `default` int(1) NOT NULL DEFAULT 0)',
        'CREATE TABLE tbladdonmodules (module text NOT NULL, setting text NOT NULL, value text NOT NULL)',
    ];

    private ?MariaDbCli $mariadb = null;
    private string $database = '';
    private string $serviceUrl = '';

    protected function setUp(): void
    {
        parent::setUp();
        $_POST = [];
        $_SESSION = [];
    }

    protected function tearDown(): void
    {
        $_POST = [];
        $_SESSION = [];
        $this->env()->stopProcesses();
        if ($this->mariadb !== null && $this->database !== '') {
            $this->mariadb->query('DROP DATABASE IF EXISTS `' . $this->database . '`');
        }
    }

    public function testTheCustomerActivatesAndChangesTheSiteAndReadsRefusalsInTheirLanguage(): void
    {
        $this->startServiceOnWhmcsDatabase();
        $german = ['clientsdetails' => ['language' => 'german', 'email' => 'ada@example.com']];
        $params = WhmcsParams::service(601, 9601, 21, $this->env()->token, 'jetpack-scan', $german);
        $this->onService(function () use ($params) {
            $this->assertSame('success', jetpack_CreateAccount($params));

            $_POST = ['jetpack_site' => 'shop.example.com', 'jetpack_site_typed' => 'nicht <b>eine</b> Adresse'];
            $refused = jetpack_ClientActivate($params);
            $this->assertStringContainsString('„nicht &lt;b&gt;eine&lt;/b&gt; Adresse“ ist keine Website-Adresse', $refused);
            $this->assertSame([['NULL']], $this->ledger('select attached_site from jetpack_product_licenses'), 'bad input changed nothing');

            $_POST = ['jetpack_site' => 'shop.example.com', 'jetpack_site_typed' => ''];
            $this->assertSame('success', jetpack_ClientActivate($params));
            $this->assertSame([['https://shop.example.com']], $this->ledger('select attached_site from jetpack_product_licenses'));

            $_POST = ['jetpack_site_typed' => 'https://www.example.org/'];
            $this->assertSame('success', jetpack_ClientChangeSite($params));
            $this->assertSame([['https://www.example.org']], $this->ledger('select attached_site from jetpack_product_licenses'));
            $this->assertSame('success', jetpack_ClientRefreshStatus($params));

            $actors = $this->ledger("select distinct actor from jetpack_whmcs_audit where operation in ('attach', 'detach')");
            $this->assertSame([['client 7']], $actors, 'every change is audited as the client');
        });
    }

    public function testAServiceOfAnotherClientIsRefusedInEnglishAndButtonsAreTranslated(): void
    {
        $this->startServiceOnWhmcsDatabase();
        $params = WhmcsParams::service(602, 9602, 21, $this->env()->token, 'jetpack-scan');
        $this->onService(function () use ($params) {
            $this->assertSame('success', jetpack_CreateAccount($params));
            $_POST = ['jetpack_site_typed' => 'https://evil.example.net'];

            $answer = jetpack_ClientActivate(array_replace($params, ['userid' => 8]));

            $this->assertSame('This service does not belong to your account; open the service from your own client area and try again.', $answer);
            $this->assertSame([['NULL']], $this->ledger('select attached_site from jetpack_product_licenses'));
            $this->assertSame(['Activate on my site' => 'ClientActivate', 'Refresh status' => 'ClientRefreshStatus'], jetpack_ClientAreaCustomButtonArray($params));
            $this->assertSame(
                ['Auf meiner Website aktivieren' => 'ClientActivate', 'Status aktualisieren' => 'ClientRefreshStatus'],
                jetpack_ClientAreaCustomButtonArray(array_replace($params, ['clientsdetails' => ['language' => 'german']]))
            );
            $this->assertSame(['ClientActivate', 'ClientChangeSite', 'ClientRefreshStatus'], jetpack_ClientAreaAllowedFunctions($params));
        });
    }

    public function testTheUpsellOffersTheJetpackAddonOnlyWhenSwitchedOnAndOnlyForServicesWithoutIt(): void
    {
        $this->startServiceOnWhmcsDatabase();
        $this->onService(function () {
            $_SESSION['uid'] = 7;
            $this->assertSame([], self::homePanels(), 'off by default');

            $this->mariadb->query("INSERT INTO tbladdonmodules (module, setting, value) VALUES ('jetpack', 'upsell', 'on')", $this->database);
            Upsell::forget();
            $_SESSION['Language'] = 'german';
            $panels = self::homePanels();
            $productPage = self::hook('ClientAreaPageProductDetails', ['serviceid' => 603]);

            $this->assertCount(1, $panels);
            $this->assertSame('Jetpack für Ihre WordPress-Websites', $panels[0][1]['label']);
            $html = $productPage['jetpack_upsell_html'];
            $this->assertSame($html, self::hook('ClientAreaProductDetailsOutput', ['service' => (object) ['id' => 603]]));
            $this->assertStringContainsString('Jetpack für blog.example.com hinzufügen', $html);
            $this->assertStringContainsString('€9.90 EUR pro Monat', $html);
            $this->assertStringContainsString('href="cart.php?a=add&amp;aid=5&amp;productid=603"', $html);
            $this->assertStringContainsString($html, $panels[0][1]['bodyHtml'], 'the home panel offers it too');
            $this->assertSame('', self::hook('ClientAreaPageProductDetails', ['serviceid' => 604])['jetpack_upsell_html'], 'service 604 already has the addon');
            $this->assertSame('', self::hook('ClientAreaPageProductDetails', ['serviceid' => 601])['jetpack_upsell_html'], 'a Jetpack product is not offered Jetpack');
        });
    }

    public function testWithTheServiceDownEveryClientFunctionAnswersWithoutAWarning(): void
    {
        $params = WhmcsParams::service(605, 9605, 21, $this->env()->token, 'jetpack-scan', ['configoption3' => 'on']);
        $closed = 'http://127.0.0.1:' . Processes::freePort();
        $this->env()->withConfig(['service_url' => $closed], function () use ($params) {
            $_SESSION['uid'] = 7;
            $started = microtime(true);
            $this->assertSame(
                'Jetpack cannot be reached right now; nothing was changed, try again in a few minutes or contact support if this persists.',
                jetpack_ClientActivate($params)
            );
            $this->assertSame(['Activate on my site' => 'ClientActivate', 'Refresh status' => 'ClientRefreshStatus'], jetpack_ClientAreaCustomButtonArray($params));
            $this->assertSame([], jetpack_CustomActions($params), 'no WHMCS 8.5 classes here, and no answer');
            Upsell::forget();
            $this->assertSame([], self::homePanels());
            $this->assertSame('', self::hook('ClientAreaPageProductDetails', ['serviceid' => 603])['jetpack_upsell_html']);
            $page = jetpack_ClientArea($params);
            $this->assertStringContainsString('cannot be shown right now', $page['vars']['message']);
            $this->assertArrayHasKey('step_copy', $page['vars']['jetpack_text']);
            $this->assertLessThan(15.0, microtime(true) - $started, 'bounded');
        });
    }

    public function testOnWhmcs85TheActivateJetpackActionShowsUntilTheLicenceIsOnASite(): void
    {
        $env = $this->env();
        $env->service();
        $params = WhmcsParams::service(610, 9610, 21, $env->token, 'jetpack-scan', ['clientsdetails' => ['language' => 'german']]);
        $this->assertSame([], $this->customActions($params), 'no licence yet');
        $this->assertSame('success', jetpack_CreateAccount($params));

        $this->assertSame([['jetpack-activate', 'Jetpack aktivieren', 'jetpack_ActivateJetpack', true]], $this->customActions($params));

        $this->assertSame('success', jetpack_AttachLicense($params));
        $this->assertSame([], $this->customActions($params), 'on a site now');
    }

    public function testActivateJetpackLeadsToTheGuideOnTheServicesPage(): void
    {
        $this->assertSame(
            ['success' => true, 'redirectTo' => 'clientarea.php?action=productdetails&id=42#jetpack-license'],
            jetpack_ActivateJetpack(['serviceid' => '42'])
        );
        $this->assertFalse(jetpack_ActivateJetpack([])['success']);
    }

    /**
     * Runs the module's ClientAreaHomepagePanels hook on a stand-in of WHMCS's panel collection.
     *
     * @return array<int, array{0: string, 1: array<string, mixed>}> the panels it added
     */
    private static function homePanels(): array
    {
        $panels = new class () {
            /** @var array<int, array{0: string, 1: array<string, mixed>}> */
            public array $added = [];

            /** @param array<string, mixed> $options */
            public function addChild(string $name, array $options): void
            {
                $this->added[] = [$name, $options];
            }
        };
        self::hook('ClientAreaHomepagePanels', $panels);

        return $panels->added;
    }

    /**
     * @param mixed $vars
     * @return mixed what the module's (only) hook of that name returned
     */
    private static function hook(string $name, $vars)
    {
        $hooks = AdminHost::$hooks[$name] ?? [];
        self::assertCount(1, $hooks, "the module registers one {$name} hook");

        return $hooks[0]($vars);
    }

    /**
     * jetpack_CustomActions in a fresh PHP process that has WHMCS 8.5's classes.
     *
     * @param array<string, mixed> $params
     * @return array<int, array<int, mixed>>
     */
    private function customActions(array $params): array
    {
        $params['model'] = ['orderid' => $params['model']->orderid ?? 0];
        $process = proc_open(
            [PHP_BINARY, __DIR__ . '/Fixtures/custom-actions.php', $this->env()->whmcsRoot],
            [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
            $pipes
        );
        $this->assertIsResource($process);
        fwrite($pipes[0], (string) json_encode($params));
        fclose($pipes[0]);
        $out = (string) stream_get_contents($pipes[1]);
        $err = (string) stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        $this->assertSame(0, proc_close($process), $out . $err);

        return json_decode($out, true, 512, JSON_THROW_ON_ERROR);
    }

    private function onService(callable $test): void
    {
        $this->env()->withConfig(['service_url' => $this->serviceUrl], $test);
    }

    /** @return array<int, array<int, string>> */
    private function ledger(string $sql): array
    {
        return $this->mariadb->query($sql, $this->database);
    }

    /** A WHMCS database with client 7's services 601..604, a sandbox, and `serve` on that database. */
    private function startServiceOnWhmcsDatabase(): void
    {
        $env = $this->env();
        try {
            $this->mariadb = MariaDbCli::fromEnvironment();
        } catch (\RuntimeException $e) {
            $this->fail($e->getMessage());
        }
        $db = $this->mariadb;
        $mysql = $db->server();
        $this->database = 'jetpack_client_' . bin2hex(random_bytes(4));
        $db->query("CREATE DATABASE `{$this->database}`");
        $db->query(implode(";\n", self::WHMCS_DDL) . ";\n"
            . "INSERT INTO tblcurrencies (id, code, prefix, suffix, `default`) VALUES (1, 'EUR', '€', ' EUR', 1);\n"
            . "INSERT INTO tblclients (id, firstname, lastname, email, language, currency) VALUES (7, 'Ada', 'Lovelace', 'ada@example.com', '', 1);\n"
            . "INSERT INTO tblproducts (id, name, servertype, configoption1) VALUES (1, 'Shared Hosting', 'cpanel', ''), (21, 'Jetpack Scan', 'jetpack', '');\n"
            . "INSERT INTO tblhosting (id, userid, packageid, domain, domainstatus, billingcycle) VALUES "
            . "(601, 7, 21, 'shop.example.com', 'Active', 'Monthly'), (602, 7, 21, 'shop.example.com', 'Active', 'Monthly'), "
            . "(603, 7, 1, 'blog.example.com', 'Active', 'Monthly'), (604, 7, 1, 'old.example.com', 'Active', 'Monthly');\n"
            . "INSERT INTO tbladdons (id, packages, name, billingcycle, module) VALUES (5, '1', 'Jetpack Backup', 'Monthly', 'jetpack');\n"
            . "INSERT INTO tblhostingaddons (hostingid, addonid, status, billingcycle) VALUES (604, 5, 'Active', 'Monthly');\n"
            . "INSERT INTO tblpricing (type, currency, relid, monthly, quarterly, semiannually, annually, biennially, triennially) VALUES ('addon', 1, 5, 9.90, -1, -1, -1, -1, -1);",
            $this->database);

        $sandboxUrl = $env->startProcess('client-sandbox', ['sandbox', '--token', $env->token], '/wpcom/v2/jetpack-licensing/product-families', false);
        $whmcs = $env->scratch . '/client-whmcs-' . $this->database;
        TestEnvironment::makeWhmcsTree($whmcs, "<?php\n\$db_host = '{$mysql['host']}';\n\$db_port = '{$mysql['port']}';\n"
            . "\$db_username = " . var_export($mysql['user'], true) . ";\n\$db_password = " . var_export($mysql['password'], true) . ";\n"
            . "\$db_name = '{$this->database}';\n");
        $read = Processes::run(['whmcs', 'database', '--whmcs-root', $whmcs]);
        $this->assertSame(0, $read['exit'], $read['stdout'] . $read['stderr']);
        $dataDir = $env->scratch . '/client-data-' . $this->database;
        mkdir($dataDir, 0700);
        file_put_contents($dataDir . '/bridge-secret', $env->secret() . "\n");
        chmod($dataDir . '/bridge-secret', 0600);
        $this->serviceUrl = $env->startProcess('client-service-' . $this->database, [
            'serve', '--database', trim($read['stdout']), '--api-url', $sandboxUrl . '/wpcom/v2/jetpack-licensing',
            '--data-dir', $dataDir, '--token', $env->token,
        ], '/healthz');
    }
}
