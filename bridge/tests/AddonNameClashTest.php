<?php

namespace JetpackBridgeTests;

/**
 * Both modules are named "jetpack" and PHP function names ignore case: the addon module may define no
 * function a provisioning entry point uses, or a request loading both dies with "Cannot redeclare".
 */
final class AddonNameClashTest extends BridgeTestCase
{
    public function testTheAddonDefinesNoFunctionNamedLikeAProvisioningEntryPointIgnoringCase(): void
    {
        $provisioning = self::functionsDefinedIn($this->env()->moduleDir() . '/jetpack.php');
        $addon = self::functionsDefinedIn($this->env()->addonDir() . '/jetpack.php');

        $this->assertContains('jetpack_clientarea', $provisioning, 'the list is read from the provisioning module');
        $this->assertSame(
            ['jetpack_activate', 'jetpack_config', 'jetpack_deactivate', 'jetpack_output', 'jetpack_sidebar', 'jetpack_upgrade'],
            $addon
        );
        $this->assertSame([], array_values(array_intersect($addon, $provisioning)));
    }

    public function testBothModulesLoadInThisProcess(): void
    {
        // bootstrap.php loaded the provisioning module, then the addon module and its hooks.
        foreach (['jetpack_ClientArea', 'jetpack_CreateAccount', 'jetpack_FetchProducts', 'jetpack_output', 'jetpack_config', 'jetpack_sidebar'] as $function) {
            $this->assertTrue(function_exists($function), $function);
        }
    }

    /** @return array<int, array{0: string, 1: string}> */
    public static function loadOrders(): array
    {
        return ['provisioning first' => ['servers', 'addons'], 'addon first' => ['addons', 'servers']];
    }

    /** @dataProvider loadOrders */
    public function testBothModulesLoadInOneFreshProcessInEitherOrder(string $first, string $second): void
    {
        $root = $this->env()->whmcsRoot;
        $script = 'define("WHMCS", true); function add_hook($h, $p, $f) {}'
            . ' require $argv[1]; require $argv[2]; require $argv[3];'
            . ' echo function_exists("jetpack_ClientArea") && function_exists("jetpack_output") ? "both" : "missing";';

        $run = AddonLifecycleAndHooksTest::php([
            '-d', 'error_reporting=-1', '-d', 'display_errors=1', '-r', $script,
            "{$root}/modules/{$first}/jetpack/jetpack.php",
            "{$root}/modules/{$second}/jetpack/jetpack.php",
            "{$root}/modules/addons/jetpack/hooks.php",
        ]);

        $this->assertSame(0, $run['exit'], $run['stdout'] . $run['stderr']);
        $this->assertSame('both', $run['stdout']);
        $this->assertSame('', $run['stderr']);
    }

    /** @return string[] the lower-cased names of the global functions the file declares */
    private static function functionsDefinedIn(string $file): array
    {
        $tokens = token_get_all((string) file_get_contents($file));
        $names = [];
        $depth = 0;
        foreach ($tokens as $i => $token) {
            if ($token === '{') {
                $depth++;
            } elseif ($token === '}') {
                $depth--;
            } elseif (is_array($token) && in_array($token[0], [T_CURLY_OPEN, T_DOLLAR_OPEN_CURLY_BRACES], true)) {
                $depth++;
            } elseif (is_array($token) && $token[0] === T_FUNCTION && $depth === 0) {
                for ($j = $i + 1; isset($tokens[$j]); $j++) {
                    if (is_array($tokens[$j]) && $tokens[$j][0] === T_STRING) {
                        $names[] = strtolower($tokens[$j][1]);
                        break;
                    }
                    if ($tokens[$j] === '(') {
                        break;
                    }
                }
            }
        }
        sort($names);

        return $names;
    }
}
