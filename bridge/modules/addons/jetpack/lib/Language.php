<?php

namespace WHMCS\Module\Addon\Jetpack;

/**
 * The few sentences the addon module says itself, from lang/<language>.php as WHMCS hands it in
 * $vars['_lang'], English when a line is missing (or outside an addon page, e.g. in a hook).
 */
final class Language
{
    /** @param mixed $vars */
    public static function line($vars, string $key): string
    {
        if (is_array($vars) && isset($vars['_lang'][$key]) && is_string($vars['_lang'][$key]) && $vars['_lang'][$key] !== '') {
            return $vars['_lang'][$key];
        }
        $_ADDONLANG = [];
        include dirname(__DIR__) . '/lang/english.php';

        return isset($_ADDONLANG[$key]) && is_string($_ADDONLANG[$key]) ? $_ADDONLANG[$key] : $key;
    }
}
