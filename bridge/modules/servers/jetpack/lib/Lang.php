<?php

namespace WHMCS\Module\Server\Jetpack;

/**
 * The customer-facing strings of the module, the WHMCS way: `lang/<language>.php` files defining
 * `$_LANG['jetpack_...']`, English first, then the client's language over it, then the host's
 * `lang/overrides/<language>.php` (English overrides too), so a host changes any sentence without
 * touching the module's files. A missing key falls back to English, then to the service's sentence.
 */
final class Lang
{
    private const PREFIX = 'jetpack_';

    /** @var array<string, array<string, string>> strings by language, loaded once per request */
    private static array $loaded = [];

    /**
     * The client's language: the one picked in the client area this session, else the client's
     * profile, else WHMCS's default, else English. Only a plain name can pick a file.
     *
     * @param mixed $params
     */
    public static function languageOf($params): string
    {
        $candidates = [];
        if (isset($_SESSION) && is_array($_SESSION)) {
            $candidates[] = $_SESSION['Language'] ?? null;
        }
        $details = is_array($params) ? ($params['clientsdetails'] ?? null) : null;
        if (is_object($details)) {
            $details = get_object_vars($details);
        }
        if (is_array($details)) {
            $candidates[] = $details['language'] ?? null;
        }
        $config = $GLOBALS['CONFIG'] ?? null;
        if (is_array($config)) {
            $candidates[] = $config['Language'] ?? null;
        }
        foreach ($candidates as $candidate) {
            if (is_string($candidate) && preg_match('/^[a-z][a-z_-]{1,31}$/', strtolower(trim($candidate)))) {
                return strtolower(trim($candidate));
            }
        }

        return 'english';
    }

    /**
     * Every string of the module for $language, keyed without the `jetpack_` prefix.
     *
     * @return array<string, string>
     */
    public static function strings(string $language): array
    {
        if (!preg_match('/^[a-z][a-z_-]{1,31}$/', $language)) {
            $language = 'english';
        }
        if (isset(self::$loaded[$language])) {
            return self::$loaded[$language];
        }
        $dir = dirname(__DIR__) . '/lang';
        $strings = self::read($dir . '/english.php');
        if ($language !== 'english') {
            $strings = array_replace($strings, self::read($dir . "/{$language}.php"));
        }
        $strings = array_replace($strings, self::read($dir . "/overrides/{$language}.php"));

        return self::$loaded[$language] = $strings;
    }

    /**
     * One string with its `{name}` placeholders filled in; $fallback (the service's English sentence)
     * when neither the language nor English has the key.
     *
     * @param array<string, mixed> $args
     */
    public static function text(string $language, string $key, array $args = [], string $fallback = ''): string
    {
        $strings = self::strings($language);
        if (!isset($strings[$key])) {
            return $fallback;
        }
        $pairs = [];
        foreach ($args as $name => $value) {
            if (is_scalar($value)) {
                $pairs['{' . $name . '}'] = (string) $value;
            }
        }

        return strtr($strings[$key], $pairs);
    }

    /** @return array<string, string> */
    private static function read(string $file): array
    {
        if (!is_file($file)) {
            return [];
        }
        $read = static function (string $path): array {
            $_LANG = [];
            include $path;

            return is_array($_LANG) ? $_LANG : [];
        };
        $strings = [];
        foreach ($read($file) as $key => $value) {
            if (is_string($key) && is_string($value) && str_starts_with($key, self::PREFIX)) {
                $strings[substr($key, strlen(self::PREFIX))] = $value;
            }
        }

        return $strings;
    }
}
