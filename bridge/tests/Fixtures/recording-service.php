<?php

/**
 * Router for `php -S`: stands where the jetpack-whmcs service listens and records every request
 * (method, path, headers, body) as a JSON file in $JETPACK_RECORDER_DIR/requests/, then answers
 * with $JETPACK_RECORDER_DIR/reply.json ({"status": int, "body": string}), set by the test.
 */

$dir = (string) getenv('JETPACK_RECORDER_DIR');
$headers = [];
foreach (getallheaders() as $name => $value) {
    $headers[strtolower($name)] = $value;
}
$record = [
    'method' => $_SERVER['REQUEST_METHOD'],
    'path' => parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH),
    'headers' => $headers,
    'body' => (string) file_get_contents('php://input'),
];
$file = sprintf('%s/requests/%.6f-%s.json', $dir, microtime(true), bin2hex(random_bytes(3)));
file_put_contents($file, json_encode($record, JSON_UNESCAPED_SLASHES));

$reply = json_decode((string) @file_get_contents($dir . '/reply.json'), true);
http_response_code(is_array($reply) ? (int) $reply['status'] : 500);
header('Content-Type: application/json');
echo is_array($reply) ? $reply['body'] : '{"error": "The test set no reply."}';
