<?php

/**
 * Times one client-area view, called as WHMCS calls it, N times in one PHP process; prints one JSON
 * object of per-call microseconds. Run by the benchmarks' `clientarea` command.
 *
 *   php clientarea-loop.php bridge   <module dir> <calls>   jetpack_ClientArea of the installed bridge
 *   php clientarea-loop.php curl     <module dir> <calls> [<unix socket>]
 *       the bridge's request by hand, with curl's own timings; over a Unix socket when one is given
 *   php clientarea-loop.php original <dsn> <user> <password> <calls>
 *       what the original module's ClientArea did in-process: one SELECT on the licence table over
 *       the open database connection of the WHMCS request (PDO with real prepares, as Laravel does)
 *
 * Each WHMCS page is its own PHP request, so nothing is reused across calls: a new curl handle and a
 * new TCP connection each time, config.php read each time, as the bridge does.
 */

define('WHMCS', true);

/** WHMCS's module log: a no-op unless module logging is switched on, which it is not in production. */
function logModuleCall($module, $action, $request, $response, $processed = '', $replaceVars = [])
{
}

$mode = $argv[1] ?? '';
$warmUp = 20;
$params = [
    'serviceid' => 1,
    'pid' => 3,
    'userid' => 1,
    'domain' => 'site1.example',
    'status' => 'Active',
    'configoption1' => 'bench-token',
    'configoption2' => 'jetpack-backup-daily',
    'configoption3' => 'on',
    'model' => ['orderid' => 10001],
    'clientsdetails' => ['email' => 'owner@site1.example', 'firstname' => 'Site', 'lastname' => 'Owner'],
];

function elapsedMicroseconds(int $started): float
{
    return (hrtime(true) - $started) / 1000;
}

$out = [];
if ($mode === 'bridge') {
    [$moduleDir, $calls] = [$argv[2], (int) $argv[3]];
    require $moduleDir . '/jetpack.php';
    for ($i = -$warmUp; $i < $calls; $i++) {
        $started = hrtime(true);
        $result = jetpack_ClientArea($params);
        $took = elapsedMicroseconds($started);
        if (($result['templatefile'] ?? '') !== 'jetpack_license' || ($result['vars']['state'] ?? '') !== 'active') {
            fwrite(STDERR, 'Unexpected ClientArea answer: ' . json_encode($result) . "\n");
            exit(1);
        }
        if ($i >= 0) {
            $out['total'][] = $took;
        }
    }
} elseif ($mode === 'curl') {
    [$moduleDir, $calls, $socket] = [$argv[2], (int) $argv[3], $argv[4] ?? null];
    require $moduleDir . '/lib/ParamsMarshaller.php';
    for ($i = -$warmUp; $i < $calls; $i++) {
        $started = hrtime(true);
        $config = include $moduleDir . '/config.php';
        $body = json_encode(
            ['params' => (object) WHMCS\Module\Server\Jetpack\ParamsMarshaller::marshal($params)],
            JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE
        );
        $timestamp = (string) time();
        $nonce = bin2hex(random_bytes(16));
        $signature = hash_hmac('sha256', "v1\nClientArea\n{$timestamp}\n{$nonce}\n{$body}", $config['secret']);
        $prepared = elapsedMicroseconds($started);
        $curl = curl_init(rtrim($config['service_url'], '/') . '/module/ClientArea');
        curl_setopt_array($curl, [
            CURLOPT_POST => true,
            CURLOPT_POSTFIELDS => $body,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_HTTPHEADER => [
                'Content-Type: application/json',
                'Accept: application/json',
                'X-Jetpack-Whmcs-Timestamp: ' . $timestamp,
                'X-Jetpack-Whmcs-Nonce: ' . $nonce,
                'X-Jetpack-Whmcs-Signature: ' . $signature,
                'Expect:',
            ],
            CURLOPT_CONNECTTIMEOUT => 3,
            CURLOPT_TIMEOUT => 25,
            CURLOPT_NOSIGNAL => true,
        ]);
        if ($socket !== null) {
            curl_setopt($curl, CURLOPT_UNIX_SOCKET_PATH, $socket);
        }
        $raw = curl_exec($curl);
        $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        $connect = curl_getinfo($curl, CURLINFO_CONNECT_TIME_T);
        $firstByte = curl_getinfo($curl, CURLINFO_STARTTRANSFER_TIME_T);
        $transfer = curl_getinfo($curl, CURLINFO_TOTAL_TIME_T);
        curl_close($curl);
        $decoded = json_decode((string) $raw, true);
        $took = elapsedMicroseconds($started);
        if ($status !== 200 || ($decoded['result']['vars']['state'] ?? '') !== 'active') {
            fwrite(STDERR, "Unexpected answer (HTTP {$status}): {$raw}\n");
            exit(1);
        }
        if ($i >= 0) {
            $out['total'][] = $took;
            $out['prepare'][] = $prepared;
            $out['connect'][] = $connect;
            $out['first byte after connect'][] = $firstByte - $connect;
            $out['curl total'][] = $transfer;
        }
    }
} elseif ($mode === 'original') {
    [$dsn, $user, $password, $calls] = [$argv[2], $argv[3], $argv[4], (int) $argv[5]];
    $pdo = new PDO($dsn, $user, $password, [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION, PDO::ATTR_EMULATE_PREPARES => false]);
    for ($i = -$warmUp; $i < $calls; $i++) {
        $started = hrtime(true);
        $statement = $pdo->prepare(
            'SELECT * FROM jetpack_product_licenses WHERE order_id = ? AND product_id = ? AND revoked_at IS NULL'
        );
        $statement->execute([$params['model']['orderid'], $params['pid']]);
        $row = $statement->fetch(PDO::FETCH_ASSOC);
        $statement = null;
        $took = elapsedMicroseconds($started);
        if ($row === false) {
            fwrite(STDERR, "The original query found no licence row.\n");
            exit(1);
        }
        if ($i >= 0) {
            $out['total'][] = $took;
        }
    }
} else {
    fwrite(STDERR, "usage: php clientarea-loop.php bridge|curl|original ...\n");
    exit(2);
}

echo json_encode($out), "\n";
