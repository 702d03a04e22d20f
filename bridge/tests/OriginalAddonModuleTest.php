<?php

namespace JetpackBridgeTests;

/**
 * Installations that keep Automattic's addon module (modules/addons/jetpack) beside our provisioning
 * module: its admin page, played in a fresh PHP process with a stand-in restating what the original
 * does, finds vendor/autoload.php and jetpack.php and gets from jetpack_FetchProducts and
 * jetpack_FetchProductDescriptions the original's shapes, read through the service from the sandbox.
 */
final class OriginalAddonModuleTest extends BridgeTestCase
{
    /** Our addon module's entry file, which the original's stand-in replaces during each test. */
    private string $ours = '';

    protected function setUp(): void
    {
        parent::setUp();
        $addon = $this->env()->addonDir();
        if (!is_dir($addon)) {
            mkdir($addon, 0755, true);
        }
        $this->ours = is_file($addon . '/jetpack.php') ? (string) file_get_contents($addon . '/jetpack.php') : '';
        copy(__DIR__ . '/Fixtures/original-addon/jetpack.php', $addon . '/jetpack.php');
    }

    protected function tearDown(): void
    {
        if ($this->ours !== '') {
            file_put_contents($this->env()->addonDir() . '/jetpack.php', $this->ours);
        }
        parent::tearDown();
    }

    public function testTheInstallerProvidesTheAutoloadFileTheAddonIncludes(): void
    {
        $this->assertFileEquals(
            dirname(__DIR__) . '/modules/servers/jetpack/vendor/autoload.php',
            $this->env()->moduleDir() . '/vendor/autoload.php'
        );
    }

    public function testTheAddonPageGetsEveryProductWithItsNameAndItsFamilysDescription(): void
    {
        $this->env()->service();
        $families = $this->env()->sandbox()->productFamilies();
        $names = [];
        $descriptions = [];
        foreach ($families as $family) {
            foreach ($family['products'] as $product) {
                if (!isset($names[$product['slug']])) {
                    $names[$product['slug']] = $product['name'];
                    $descriptions[$product['slug']] = $family['description'] ?? '';
                }
            }
        }

        $page = $this->openAddonPage();

        $this->assertNull($page['error'], 'the page raised ' . json_encode($page['error']));
        $this->assertSame([], $page['warnings'], 'the page loads both modules without a notice or a redeclared function');
        $this->assertStringNotContainsString('not installed', $page['page']);
        $shown = unserialize($page['page'], ['allowed_classes' => false]);
        $this->assertIsArray($shown, 'the page printed: ' . $page['page']);
        $this->assertSame($names, $shown['products'], 'jetpack_FetchProducts: slug => product name, in the API\'s order');
        $this->assertSame($descriptions, $shown['descriptions'], 'jetpack_FetchProductDescriptions: slug => its family\'s description');
        $this->assertContains('jetpack-complete', array_keys($shown['products']));
        $this->assertNotSame('', $shown['form']['jetpack-complete']['description'], 'a family with a description gives it to its products');
        $this->assertSame('', $shown['form']['jetpack-scan']['description'], 'a family without one gives an empty description');
        $this->assertSame(
            ['LoadProducts', 'LoadProductDescriptions'],
            array_column($page['moduleLog'], 'action'),
            'both calls go through the service and are in the module log'
        );
        $this->assertModuleLogClean($page['moduleLog'], [$this->env()->token, $this->env()->secret()]);
    }

    public function testWithTheServiceDownTheAddonPageGetsAnExceptionSayingWhatToDo(): void
    {
        $url = 'http://127.0.0.1:' . Processes::freePort();
        $page = $this->env()->withConfig(['service_url' => $url], fn () => $this->openAddonPage());

        $this->assertSame('Exception', $page['error']['class'] ?? null, 'the original threw an Exception when the catalogue could not be read');
        $this->assertSentence($page['error']['message'], 'could not be reached');
        $this->assertStringContainsString($url, $page['error']['message']);
        $this->assertStringContainsString('start the service', $page['error']['message']);
        $this->assertStringNotContainsString($this->env()->secret(), $page['error']['message']);
        $this->assertSame([], $page['warnings']);
        $this->assertModuleLogClean($page['moduleLog'], [$this->env()->token, $this->env()->secret()]);

        // The same sentence from both functions, called in this process as the addon calls them.
        $this->env()->withConfig(['service_url' => $url], function () {
            foreach (['jetpack_FetchProducts', 'jetpack_FetchProductDescriptions'] as $function) {
                try {
                    $function();
                    $this->fail("{$function} must throw when the service is down");
                } catch (\Exception $e) {
                    $this->assertSentence($e->getMessage(), 'could not be reached');
                }
            }
        });
    }

    public function testWithoutTheAutoloadFileThePageSaysTheProvisioningModuleIsNotInstalled(): void
    {
        // Proves the stand-in detects what the original detects, so the tests above mean something.
        $autoload = $this->env()->moduleDir() . '/vendor/autoload.php';
        rename($autoload, $autoload . '.away');
        try {
            $page = $this->openAddonPage();
        } finally {
            rename($autoload . '.away', $autoload);
        }

        $this->assertStringStartsWith('Provisioning module not installed.', $page['page']);
        $this->assertNull($page['error']);
    }

    /** @return array{page: string, error: ?array{class: string, message: string}, warnings: string[], moduleLog: array<int, array<string, mixed>>} */
    private function openAddonPage(): array
    {
        $process = proc_open(
            [PHP_BINARY, __DIR__ . '/Fixtures/addon-page.php', $this->env()->whmcsRoot],
            [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
            $pipes
        );
        $this->assertIsResource($process, 'php-cli could not be started');
        $stdout = (string) stream_get_contents($pipes[1]);
        $stderr = (string) stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        $exit = proc_close($process);
        $this->assertSame(0, $exit, "the addon page failed:\n{$stdout}{$stderr}");

        return json_decode($stdout, true, 512, JSON_THROW_ON_ERROR);
    }
}
