<?php

namespace JetpackBridgeTests;

/**
 * Drop-in replacement: a WHMCS database holding the original module's table with rows written the
 * way the original wrote them. After installing our module and pointing the service at that
 * database (with the connection string `whmcs database` reads from configuration.php), the client
 * area shows the legacy key and TerminateAccount revokes it on the sandbox.
 */
final class DropInReplacementTest extends BridgeTestCase
{
    private const ORIGINAL_DDL = 'create table `jetpack_product_licenses` (`id` int unsigned not null auto_increment primary key, '
        . '`order_id` int not null, `product_id` int not null, `license_key` varchar(255) not null, '
        . '`issued_at` timestamp not null, `revoked_at` timestamp null) '
        . "default character set utf8mb4 collate 'utf8mb4_unicode_ci'";

    private ?MariaDbCli $mariadb = null;
    private string $database = '';

    protected function tearDown(): void
    {
        $this->env()->stopProcesses();
        if ($this->mariadb !== null && $this->database !== '') {
            $this->mariadb->query('DROP DATABASE IF EXISTS `' . $this->database . '`');
        }
    }

    public function testTheLegacyKeyIsShownAndRevokedThroughOurModule(): void
    {
        $env = $this->env();
        try {
            $this->mariadb = MariaDbCli::fromEnvironment();
        } catch (\RuntimeException $e) {
            $this->fail($e->getMessage());
        }
        $db = $this->mariadb;
        $mysql = $db->server();
        $this->database = 'jetpack_bridge_' . bin2hex(random_bytes(4));
        $db->query("CREATE DATABASE `{$this->database}`");

        // The partner's API (the sandbox) already holds the licence the original module issued.
        // A stateless fixture: killed at the end (the standalone sandbox command ignores SIGINT/SIGTERM).
        $sandboxUrl = $env->startProcess('legacy-sandbox', ['sandbox', '--token', $env->token], '/wpcom/v2/jetpack-licensing/product-families', false);
        $apiUrl = $sandboxUrl . '/wpcom/v2/jetpack-licensing';
        $sandbox = new Sandbox($apiUrl, $env->token);
        $legacy = $sandbox->issue('jetpack-security-daily');
        $history = $sandbox->issue('jetpack-scan');

        // WHMCS's database as the original module left it: its table, an active row and a revoked one.
        $insert = 'insert into jetpack_product_licenses (order_id, product_id, license_key, issued_at) values ';
        $db->query(
            'SET SESSION explicit_defaults_for_timestamp = 0; ' . self::ORIGINAL_DDL . ";\n"
            . $insert . '(7001, 21, ' . MariaDbCli::quote($legacy['license_key']) . ', ' . MariaDbCli::quote($legacy['issued_at']) . ");\n"
            . $insert . '(6001, 21, ' . MariaDbCli::quote($history['license_key']) . ', ' . MariaDbCli::quote($history['issued_at']) . ");\n"
            . "update jetpack_product_licenses set revoked_at = '2026-01-02 03:04:05' where order_id = 6001;",
            $this->database
        );

        // The administrator's steps: read the connection string from WHMCS, start the service on it.
        $whmcs = $env->scratch . '/legacy-whmcs';
        TestEnvironment::makeWhmcsTree($whmcs, "<?php\n\$db_host = '{$mysql['host']}';\n\$db_port = '{$mysql['port']}';\n"
            . "\$db_username = " . var_export($mysql['user'], true) . ";\n\$db_password = " . var_export($mysql['password'], true) . ";\n"
            . "\$db_name = '{$this->database}';\n");
        // The original module's folder, about to be replaced by ours.
        mkdir($whmcs . '/modules/servers/jetpack', 0755, true);
        file_put_contents($whmcs . '/modules/servers/jetpack/jetpack.php', "<?php\n// the original module\n");
        $read = Processes::run(['whmcs', 'database', '--whmcs-root', $whmcs]);
        $this->assertSame(0, $read['exit'], $read['stdout'] . $read['stderr']);
        // Another installation, so its own data directory (a data directory remembers the one ledger it
        // serves and refuses another), holding the secret the module this process loaded signs with.
        $dataDir = $env->scratch . '/legacy-data';
        mkdir($dataDir, 0700);
        file_put_contents($dataDir . '/bridge-secret', $env->secret() . "\n");
        chmod($dataDir . '/bridge-secret', 0600);
        $serviceUrl = $env->startProcess('legacy-service', [
            'serve', '--database', trim($read['stdout']), '--api-url', $apiUrl,
            '--data-dir', $dataDir, '--token', $env->token,
        ], '/healthz');

        $install = Processes::run(['whmcs', 'install', '--whmcs-root', $whmcs, '--service-url', $serviceUrl, '--data-dir', $dataDir]);
        $this->assertSame(0, $install['exit'], $install['stdout'] . $install['stderr']);
        $this->assertFileEquals($env->moduleDir() . '/jetpack.php', $whmcs . '/modules/servers/jetpack/jetpack.php', 'our module replaced the original');
        $this->assertSame($serviceUrl, (include $whmcs . '/modules/servers/jetpack/config.php')['service_url']);

        // This PHP process already runs the module installed at the start; point it at the same service.
        $params = WhmcsParams::service(8001, 7001, 21, $env->token, 'jetpack-security-daily');
        $env->withConfig(['service_url' => $serviceUrl], function () use ($params, $legacy, $sandbox, $db) {
            $client = jetpack_ClientArea($params);
            $this->assertSame('jetpack_license', $client['templatefile'] ?? null, print_r($client, true));
            $this->assertSame($legacy['license_key'], $client['vars']['license_key'], 'the legacy key is shown');
            $this->assertContains($legacy['license_key'], jetpack_AdminServicesTabFields($params));

            $this->assertSame('success', jetpack_TerminateAccount($params));

            $this->assertNotNull($sandbox->license($legacy['license_key'])['revoked_at'], 'revoked on the sandbox');
            $rows = $db->query(
                'select order_id, product_id, license_key, revoked_at from jetpack_product_licenses where license_key = '
                . MariaDbCli::quote($legacy['license_key']),
                $this->database
            );
            $this->assertCount(1, $rows);
            [$orderId, $productId, $licenseKey, $revokedAt] = $rows[0];
            $this->assertSame(['7001', '21', $legacy['license_key']], [$orderId, $productId, $licenseKey], 'the original columns keep their values');
            $this->assertNotSame('NULL', $revokedAt, 'revoked_at recorded, as the original did');
            $this->assertSame([['2']], $db->query('select count(*) from jetpack_product_licenses', $this->database), 'no row deleted or added');
        });
    }
}
