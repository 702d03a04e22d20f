<?php

namespace WHMCS\Module\Server\Jetpack;

/**
 * The one path every WHMCS entry point takes: marshal $params, call the service, log the call,
 * and return what WHMCS expects for that kind of function, whatever happened on the way.
 */
final class Bridge
{
    /** @return array<string, mixed> */
    public static function metaData(): array
    {
        // Answered locally so that WHMCS can list and load the module while the service is down.
        return [
            'DisplayName' => 'Jetpack Provisioning',
            'Description' => 'Issues, attaches and revokes Jetpack licences for WHMCS products and product addons.',
            'APIVersion' => '1.1',
            'RequiresServer' => false,
        ];
    }

    /**
     * A core or button function: "success" or a sentence.
     *
     * @param mixed $params
     */
    public static function core(string $function, $params): string
    {
        return self::run($function, $params, static function (ServiceReply $reply) use ($function): string {
            if ($reply->failed()) {
                return self::sentence($reply->error);
            }
            if (!is_string($reply->value) || $reply->value === '') {
                return self::unexpected($function);
            }

            return $reply->value === 'success' ? 'success' : self::sentence($reply->value);
        });
    }

    /**
     * An array function: the service's array, or the fallback array carrying the sentence.
     *
     * @param mixed $params
     * @return array<mixed>
     */
    public static function table(string $function, $params): array
    {
        return self::run($function, $params, static function (ServiceReply $reply) use ($function, $params): array {
            if ($reply->failed()) {
                return Fallback::forFunction($function, $params, $reply->error);
            }
            if (!is_array($reply->value)) {
                return Fallback::forFunction($function, $params, self::unexpected($function));
            }
            if ($function === 'AdminServicesTabFields') {
                return self::escapeTab($reply->value);
            }
            if ($function === 'ConfigOptions') {
                return self::qualifyLoaders($reply->value);
            }

            return $reply->value;
        });
    }

    /**
     * A ConfigOptions loader: value => label, or an Exception WHMCS shows to the administrator.
     *
     * @param mixed $params
     * @return array<string, string>
     * @throws \Exception
     */
    public static function loader(string $function, $params): array
    {
        $result = self::run($function, $params, static function (ServiceReply $reply) use ($function) {
            if ($reply->failed()) {
                return new \Exception($reply->error);
            }
            if (!is_array($reply->value)) {
                return new \Exception(self::unexpected($function));
            }
            if (isset($reply->value['error']) && is_string($reply->value['error'])) {
                return new \Exception($reply->value['error']);
            }
            $options = [];
            foreach ($reply->value as $value => $label) {
                $options[(string) $value] = is_scalar($label) ? (string) $label : (string) $value;
            }

            return $options;
        });
        if ($result instanceof \Exception) {
            throw $result;
        }

        return $result;
    }

    /**
     * The service's raw answer, for the client area's own shapes (ClientSide). $quick bounds the call
     * to 1 s to connect and 2 s in all: the pages that ask (the client-area home, the product page)
     * must never wait on a slow or stopped service.
     *
     * @param mixed $params
     */
    public static function reply(string $function, $params, bool $quick = false): ServiceReply
    {
        return self::run($function, $params, static fn (ServiceReply $reply): ServiceReply => $reply, $quick);
    }

    /**
     * @param mixed $params
     * @return mixed what $shape returns
     */
    private static function run(string $function, $params, callable $shape, bool $quick = false)
    {
        $request = ParamsMarshaller::marshal($params);
        $token = isset($request['configoption1']) ? $request['configoption1'] : '';
        $secret = '';
        try {
            $config = BridgeConfig::load(dirname(__DIR__) . '/config.php');
            $secret = $config->secret;
            if ($quick) {
                $config = new BridgeConfig(
                    $config->serviceUrl,
                    $config->secret,
                    min(1, $config->connectTimeout),
                    min(2, $config->timeout)
                );
            }
            $reply = (new ServiceClient($config))->call($function, $request, Actor::of($params));
        } catch (\Throwable $e) {
            $reply = ServiceReply::failure(
                $e instanceof \RuntimeException ? $e->getMessage() : self::crashed($function, $e)
            );
        }
        $result = $shape($reply);
        $logged = $result instanceof \Throwable ? $result->getMessage()
            : ($result instanceof ServiceReply ? ($result->error ?? $result->value) : $result);
        ModuleLog::write($function, $request, $reply->log, $logged, [$token, $secret]);

        return $result;
    }

    /**
     * WHMCS calls a field's Loader by its full function name; the service may name only the suffix.
     *
     * @param array<mixed> $fields
     * @return array<mixed>
     */
    private static function qualifyLoaders(array $fields): array
    {
        foreach ($fields as $name => $field) {
            if (is_array($field) && isset($field['Loader']) && is_string($field['Loader']) && $field['Loader'] !== '') {
                $loader = $field['Loader'];
                $fields[$name]['Loader'] = str_starts_with($loader, 'jetpack_') ? $loader : 'jetpack_' . $loader;
            }
        }

        return $fields;
    }

    /**
     * WHMCS prints these values as HTML. The service escapes them already; encoding again without
     * double-encoding keeps its entities as they are and guarantees that no raw markup gets through.
     *
     * @param array<mixed> $fields
     * @return array<string, string>
     */
    private static function escapeTab(array $fields): array
    {
        $out = [];
        foreach ($fields as $label => $value) {
            $text = is_scalar($value) || $value === null
                ? (string) $value
                : (string) json_encode(
                    $value,
                    JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE
                );
            $out[self::html((string) $label)] = self::html($text);
        }

        return $out;
    }

    public static function html(string $text): string
    {
        return htmlspecialchars($text, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8', false);
    }

    /**
     * WHMCS prints error sentences into its admin pages, and a sentence may quote what a customer
     * typed (a domain): markup characters are encoded so that they show as text.
     */
    public static function sentence(string $text): string
    {
        return htmlspecialchars($text, ENT_NOQUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8', false);
    }

    private static function unexpected(string $function): string
    {
        return "The jetpack-whmcs service answered {$function} with an unexpected value: install the module and "
            . 'the service from the same release (jetpack-whmcs whmcs install).';
    }

    private static function crashed(string $function, \Throwable $e): string
    {
        return "The Jetpack module failed while preparing {$function} (" . get_class($e)
            . '): check the PHP error log.';
    }
}
