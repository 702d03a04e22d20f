<?php

namespace WHMCS\Module\Server\Jetpack;

/**
 * Picks from WHMCS's $params exactly the fields the service uses (docs/bridge-protocol.md).
 * Missing or odd values are left out or passed as found: the service answers bad input with a
 * clear sentence, so the bridge never guesses.
 */
final class ParamsMarshaller
{
    private const ID_FIELDS = ['serviceid', 'pid', 'userid'];
    // jetpack_site: the site a client picked or typed in the guide's form (set by ClientSide only).
    private const TEXT_FIELDS = ['domain', 'status', 'jetpack_site'];
    private const CLIENT_FIELDS = ['email', 'firstname', 'lastname'];
    private const CONFIG_OPTION_COUNT = 24;

    /**
     * @param mixed $params what WHMCS passed (an array in practice)
     * @return array<string, mixed>
     */
    public static function marshal($params): array
    {
        if (!is_array($params)) {
            return [];
        }
        $out = [];
        foreach (self::ID_FIELDS as $field) {
            if (array_key_exists($field, $params) && self::isId($params[$field])) {
                $out[$field] = self::id($params[$field]);
            }
        }
        // WHMCS sets addonId only for product-addon calls; serviceid is then the parent service.
        if (!empty($params['addonId']) && self::isId($params['addonId'])) {
            $out['addonId'] = self::id($params['addonId']);
        }
        $orderId = self::orderId($params['model'] ?? null);
        if ($orderId !== null) {
            $out['orderid'] = $orderId;
        }
        foreach (self::TEXT_FIELDS as $field) {
            if (isset($params[$field]) && is_scalar($params[$field])) {
                $out[$field] = (string) $params[$field];
            }
        }
        for ($i = 1; $i <= self::CONFIG_OPTION_COUNT; $i++) {
            $key = 'configoption' . $i;
            if (isset($params[$key]) && is_scalar($params[$key])) {
                $out[$key] = (string) $params[$key];
            }
        }
        $client = self::clientDetails($params['clientsdetails'] ?? null);
        if ($client !== []) {
            $out['clientsdetails'] = $client;
        }

        return $out;
    }

    /** Reads orderid from WHMCS's model, an Eloquent object inside WHMCS (an array in some tests). */
    private static function orderId($model)
    {
        try {
            if (is_object($model)) {
                $value = $model->orderid ?? null;
            } elseif (is_array($model)) {
                $value = $model['orderid'] ?? null;
            } else {
                return null;
            }
        } catch (\Throwable $e) {
            return null;
        }

        return self::isId($value) ? self::id($value) : null;
    }

    /** @return array<string, string> */
    private static function clientDetails($details): array
    {
        if (is_object($details)) {
            $details = get_object_vars($details);
        }
        if (!is_array($details)) {
            return [];
        }
        $out = [];
        foreach (self::CLIENT_FIELDS as $field) {
            if (isset($details[$field]) && is_scalar($details[$field])) {
                $out[$field] = (string) $details[$field];
            }
        }

        return $out;
    }

    private static function isId($value): bool
    {
        return is_int($value) || (is_string($value) && $value !== '') || is_float($value);
    }

    /** A numeric id becomes an int; anything else goes as a string for the service to reject clearly. */
    private static function id($value)
    {
        if (is_int($value)) {
            return $value;
        }
        $text = is_float($value) ? (string) $value : trim($value);
        if (preg_match('/^\d{1,18}$/', $text)) {
            return (int) $text;
        }

        return $text;
    }
}
