<?php

/**
 * The test host's login: ?admin=ID&name=NAME starts an admin session, ?client=ID a client session
 * (WHMCS's own login is out of scope). ?logout=1 ends the session.
 */

require __DIR__ . '/host/bootstrap.php';

if (isset($_GET['logout'])) {
    $_SESSION = [];
    exit('Logged out.');
}
if (isset($_GET['admin']) && ctype_digit((string) $_GET['admin']) && (int) $_GET['admin'] > 0) {
    session_regenerate_id(true);
    $_SESSION['adminid'] = (int) $_GET['admin'];
    $_SESSION['adminname'] = is_string($_GET['name'] ?? null) ? $_GET['name'] : 'admin';
    generate_token('plain');
    header('Location: ' . (is_string($_GET['to'] ?? null) && str_starts_with($_GET['to'], '/') ? $_GET['to'] : '/index.php'));
    exit;
}
if (isset($_GET['client']) && ctype_digit((string) $_GET['client']) && (int) $_GET['client'] > 0) {
    session_regenerate_id(true);
    $_SESSION['uid'] = (int) $_GET['client'];
    generate_token('plain');
    header('Location: ' . (is_string($_GET['to'] ?? null) && str_starts_with($_GET['to'], '/') ? $_GET['to'] : '/clientarea.php'));
    exit;
}
http_response_code(400);
echo 'Pass ?admin=ID&name=NAME or ?client=ID.';
