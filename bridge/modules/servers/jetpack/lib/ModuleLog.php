<?php

namespace WHMCS\Module\Server\Jetpack;

/**
 * Writes each call to WHMCS's module log. The partner token and the bridge secret are removed here
 * and also handed to logModuleCall as values to mask, so neither can reach the log.
 */
final class ModuleLog
{
    private const MASK = '(hidden)';

    /**
     * @param array<string, mixed> $request the marshalled parameters
     * @param mixed $processed what the module returns to WHMCS
     * @param string[] $secrets values that must never be logged
     */
    public static function write(string $action, array $request, string $response, $processed, array $secrets): void
    {
        if (!function_exists('logModuleCall')) {
            return;
        }
        $secrets = array_values(array_filter($secrets, static fn ($s) => is_string($s) && $s !== ''));
        if (isset($request['configoption1']) && $request['configoption1'] !== '') {
            $request['configoption1'] = self::MASK;
        }
        try {
            logModuleCall(
                'jetpack',
                $action,
                self::scrub($request, $secrets),
                self::scrub($response, $secrets),
                self::scrub($processed, $secrets),
                $secrets
            );
        } catch (\Throwable $e) {
            // The module log is a diagnostic aid: failing to write it must not fail the WHMCS action.
        }
    }

    /**
     * @param mixed $value
     * @param string[] $secrets
     * @return mixed
     */
    private static function scrub($value, array $secrets)
    {
        if ($secrets === []) {
            return $value;
        }
        if (is_string($value)) {
            return str_replace($secrets, self::MASK, $value);
        }
        if (is_array($value)) {
            $out = [];
            foreach ($value as $key => $item) {
                $out[is_string($key) ? str_replace($secrets, self::MASK, $key) : $key] = self::scrub($item, $secrets);
            }

            return $out;
        }

        return $value;
    }
}
