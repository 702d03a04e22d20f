<?php

/**
 * WHMCS's client area as far as a module sees it: a Bootstrap 3 page (the "six" theme's framework)
 * with the service's details and the module's template below them.
 *
 * @var string $title
 * @var string $content
 */
?><!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title><?= host_e($title) ?> - Client Area (test host)</title>
<link rel="stylesheet" href="assets/bootstrap/css/bootstrap.min.css">
<style>
body { background: #f6f6f6; }
.client-top { background: #fff; border-bottom: 1px solid #ddd; padding: 12px 20px; margin-bottom: 20px; }
</style>
</head>
<body>
<div class="client-top"><strong>Example Hosting</strong> &nbsp; <a href="clientarea.php">My services</a></div>
<div class="container">
    <h1><?= host_e($title) ?></h1>
    <div id="main-body"><?= $content ?></div>
</div>
</body>
</html>
