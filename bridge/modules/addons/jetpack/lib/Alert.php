<?php

namespace WHMCS\Module\Addon\Jetpack;

/** What the addon module prints itself: one escaped sentence in a Bootstrap alert. */
final class Alert
{
    public static function danger(string $sentence): string
    {
        return '<div class="alert alert-danger" role="alert">' . self::text($sentence) . '</div>';
    }

    /**
     * Escapes for HTML without double-encoding: the sentences we show may already carry entities
     * (the provisioning client encodes < > & for WHMCS), and must never carry markup.
     */
    public static function text(string $text): string
    {
        return htmlspecialchars($text, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8', false);
    }
}
