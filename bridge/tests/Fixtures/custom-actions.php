<?php

/**
 * WHMCS 8.5+ in a fresh PHP process: its custom-action classes (stand-ins with the documented
 * factory signature), then the installed module's jetpack_CustomActions for the params read from
 * stdin (JSON). Prints each action as [identifier, display, callable, active] in JSON.
 *
 * Usage: php custom-actions.php <whmcs-root> < params.json
 */

namespace WHMCS\Module\Server {
    final class CustomAction
    {
        /** @param mixed $callable */
        private function __construct(
            public string $identifier,
            public string $display,
            public $callable,
            public array $params,
            public array $permissions,
            public bool $active
        ) {
        }

        /** @param mixed $callable */
        public static function factory(string $identifier, string $display, $callable, array $params = [], array $permissions = [], bool $active = true, bool $allowSamePage = false, bool $preferIsolation = false): self
        {
            return new self($identifier, $display, $callable, $params, $permissions, $active);
        }
    }

    final class CustomActionCollection
    {
        /** @var CustomAction[] */
        public array $items = [];

        public function add(CustomAction $action): self
        {
            $this->items[] = $action;

            return $this;
        }
    }
}

namespace {
    error_reporting(E_ALL);
    set_error_handler(static function (int $level, string $message, string $file, int $line): bool {
        fwrite(STDERR, "PHP error: {$message} in {$file}:{$line}\n");
        exit(3);
    });
    define('WHMCS', true);

    function logModuleCall($module, $action, $request, $response, $processed = '', $replaceVars = [])
    {
    }

    require $argv[1] . '/modules/servers/jetpack/jetpack.php';
    $params = json_decode((string) stream_get_contents(STDIN), true, 512, JSON_THROW_ON_ERROR);
    $actions = jetpack_CustomActions($params);
    if (!$actions instanceof \WHMCS\Module\Server\CustomActionCollection) {
        fwrite(STDERR, 'jetpack_CustomActions did not return a CustomActionCollection: ' . get_debug_type($actions) . "\n");
        exit(2);
    }
    echo json_encode(array_map(static fn ($a) => [$a->identifier, $a->display, $a->callable, $a->active], $actions->items));
}
