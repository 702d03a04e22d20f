<?php

/**
 * WHMCS's admin layout as far as a module page sees it: Bootstrap 3 (the default admin theme's
 * framework), a top bar, the addon's sidebar on the left, its output on the right.
 *
 * @var string $title
 * @var string $sidebar
 * @var string $content
 */
?><!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title><?= host_e($title) ?> - WHMCS Admin (test host)</title>
<link rel="stylesheet" href="assets/bootstrap/css/bootstrap.min.css">
<style>
body { background: #f4f6f8; }
.whmcs-top { background: #1a4d80; color: #fff; padding: 10px 20px; margin-bottom: 20px; }
.whmcs-top a { color: #fff; margin-right: 15px; }
.whmcs-sidebar { background: #fff; border: 1px solid #ddd; padding: 10px; }
.whmcs-content { background: #fff; border: 1px solid #ddd; padding: 15px; }
</style>
</head>
<body>
<div class="whmcs-top">
    <strong>WHMCS</strong> &nbsp;
    <a href="index.php">Dashboard</a>
    <a href="addonmodules.php?module=jetpack">Addons &rsaquo; Jetpack</a>
    <span class="pull-right">Logged in as <?= host_e((string) ($_SESSION['adminname'] ?? '')) ?></span>
</div>
<div class="container-fluid">
    <div class="row">
        <div class="col-sm-3 col-md-2"><div class="whmcs-sidebar" id="sidebar"><?= $sidebar ?></div></div>
        <div class="col-sm-9 col-md-10">
            <h1><?= host_e($title) ?></h1>
            <div class="whmcs-content" id="contentarea"><?= $content ?></div>
        </div>
    </div>
</div>
</body>
</html>
