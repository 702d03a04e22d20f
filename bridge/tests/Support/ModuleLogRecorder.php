<?php

namespace JetpackBridgeTests;

/** What the module wrote with logModuleCall, in order. */
final class ModuleLogRecorder
{
    /** @var array<int, array{module: mixed, action: mixed, request: mixed, response: mixed, processed: mixed, replaceVars: mixed}> */
    private static array $entries = [];

    public static function record($module, $action, $request, $response, $processed, $replaceVars): void
    {
        self::$entries[] = compact('module', 'action', 'request', 'response', 'processed', 'replaceVars');
    }

    /** @return array<int, array<string, mixed>> */
    public static function entries(): array
    {
        return self::$entries;
    }

    public static function count(): int
    {
        return count(self::$entries);
    }

    /** @return array<int, array<string, mixed>> the entries recorded after the first $offset */
    public static function since(int $offset): array
    {
        return array_slice(self::$entries, $offset);
    }
}
