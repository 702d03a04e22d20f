<?php

namespace JetpackBridgeTests;

/** Renders a module template with Debian's Smarty 3, the engine WHMCS uses for client-area templates. */
final class SmartyRenderer
{
    /** @param array<string, mixed> $vars */
    public static function render(string $templateDir, string $template, array $vars): string
    {
        // Debian's smarty3 package; SMARTY_CLASS_PATH names another Smarty.class.php.
        $class = getenv('SMARTY_CLASS_PATH') ?: '/usr/share/php/smarty3/Smarty.class.php';
        if (!is_file($class)) {
            throw new \RuntimeException("Smarty is not installed at {$class}: apt-get install smarty3, or set SMARTY_CLASS_PATH.");
        }
        require_once $class;
        $compileDir = TestEnvironment::get()->scratch . '/templates_c';
        if (!is_dir($compileDir)) {
            mkdir($compileDir, 0700, true);
        }
        $smarty = new \Smarty();
        $smarty->setTemplateDir($templateDir);
        $smarty->setCompileDir($compileDir);
        $smarty->setCacheDir($compileDir);
        // WHMCS's page variables beside the module's own.
        $smarty->assign('WEB_ROOT', '/billing');
        $smarty->assign('serviceid', 12);
        foreach ($vars as $name => $value) {
            $smarty->assign($name, $value);
        }

        // Debian's Smarty 3.1 predates PHP 8.2 and raises deprecations from its own files: those are
        // not ours to fix. Anything else (the compiled template included) still fails the test.
        $library = dirname((string) (new \ReflectionClass(\Smarty::class))->getFileName());
        set_error_handler(static function (int $level, string $message, string $file, int $line) use ($library): bool {
            if (($level & (E_DEPRECATED | E_USER_DEPRECATED)) !== 0 && str_starts_with($file, $library)) {
                return true;
            }
            throw new \ErrorException($message, 0, $level, $file, $line);
        });
        try {
            return $smarty->fetch($template);
        } finally {
            restore_error_handler();
        }
    }
}
