<?php

/**
 * Renders a module's client-area template with real Smarty 3 (Debian's smarty3, the engine WHMCS
 * uses), with WHMCS's page variables beside the module's own.
 */
function host_render_template(string $templateDir, string $template, array $vars): string
{
    $class = getenv('SMARTY_CLASS_PATH') ?: '/usr/share/php/smarty3/Smarty.class.php';
    require_once $class;
    $compileDir = HOST_STATE . '/templates_c';
    if (!is_dir($compileDir)) {
        mkdir($compileDir, 0700, true);
    }
    $smarty = new \Smarty();
    $smarty->setTemplateDir($templateDir);
    $smarty->setCompileDir($compileDir);
    $smarty->setCacheDir($compileDir);
    $smarty->assign('WEB_ROOT', '');
    $smarty->assign('token', generate_token('plain'));
    foreach ($vars as $name => $value) {
        $smarty->assign($name, $value);
    }

    return $smarty->fetch($template);
}
