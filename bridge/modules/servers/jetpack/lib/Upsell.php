<?php

namespace WHMCS\Module\Server\Jetpack;

/**
 * The upsell panels (client-area home and a hosting service's page): the Jetpack addons the host sells
 * for the client's services that have none yet, as the service lists them (nothing when the addon
 * module's setting is off). Bounded to 2 seconds; any failure shows nothing, never a warning.
 */
final class Upsell
{
    /** @var array<string, array<int, array<string, mixed>>> offers per client and service, asked once per page */
    private static array $asked = [];

    /**
     * The logged-in client's offers, for one service when $serviceId is set.
     *
     * @return array<int, array<string, mixed>>
     */
    public static function offers(?int $serviceId = null): array
    {
        $userId = self::clientId();
        if ($userId === null) {
            return [];
        }
        $cacheKey = $userId . ':' . ($serviceId ?? 0);
        if (isset(self::$asked[$cacheKey])) {
            return self::$asked[$cacheKey];
        }
        $params = ['userid' => $userId];
        if ($serviceId !== null && $serviceId > 0) {
            $params['serviceid'] = $serviceId;
        }
        $offers = [];
        try {
            $reply = Bridge::reply('ClientUpsell', $params, true);
            if (is_array($reply->value) && isset($reply->value['offers']) && is_array($reply->value['offers'])) {
                $offers = array_values(array_filter($reply->value['offers'], 'is_array'));
            }
        } catch (\Throwable $e) {
            $offers = [];
        }

        return self::$asked[$cacheKey] = $offers;
    }

    /**
     * The panel's body: one block per service, each offer with its price and an add-to-cart link.
     * Every value is escaped; links are relative to WHMCS's root and checked to be the cart's.
     *
     * @param array<int, array<string, mixed>> $offers
     */
    public static function html(array $offers, string $language): string
    {
        if ($offers === []) {
            return '';
        }
        $byService = [];
        foreach ($offers as $offer) {
            $byService[(string) ($offer['service_id'] ?? '')][] = $offer;
        }
        $html = '<div class="jetpack-upsell">';
        foreach ($byService as $serviceOffers) {
            $site = self::text($serviceOffers[0]['domain'] ?? '');
            $html .= '<div class="jetpack-upsell-service"><h4>' . self::e(Lang::text($language, 'upsell_title', ['site' => $site]))
                . '</h4><p>' . self::e(Lang::text($language, 'upsell_body')) . '</p><ul class="list-unstyled">';
            foreach ($serviceOffers as $offer) {
                $cycle = strtolower(self::text($offer['billing_cycle'] ?? ''));
                $price = Lang::text($language, 'upsell_price', [
                    'price' => self::text($offer['price_text'] ?? ''),
                    'cycle' => Lang::text($language, 'cycle_' . $cycle, [], $cycle),
                ]);
                $url = self::text($offer['cart_url'] ?? '');
                $html .= '<li><strong>' . self::e(self::text($offer['addon_name'] ?? '')) . '</strong> ' . self::e($price);
                if (preg_match('/^cart\.php\?a=add&aid=\d+&productid=\d+$/', $url)) {
                    $html .= ' <a class="btn btn-sm btn-primary" href="' . self::e($url) . '">'
                        . self::e(Lang::text($language, 'upsell_button')) . '</a>';
                }
                $html .= '</li>';
            }
            $html .= '</ul></div>';
        }

        return $html . '</div>';
    }

    /** Forgets the offers asked for this request (a test plays several page views in one process). */
    public static function forget(): void
    {
        self::$asked = [];
    }

    private static function clientId(): ?int
    {
        $uid = isset($_SESSION) && is_array($_SESSION) ? ($_SESSION['uid'] ?? null) : null;
        if ((is_int($uid) || (is_string($uid) && ctype_digit($uid))) && (int) $uid > 0) {
            return (int) $uid;
        }

        return null;
    }

    /** @param mixed $value */
    private static function text($value): string
    {
        return is_scalar($value) ? (string) $value : '';
    }

    private static function e(string $text): string
    {
        return htmlspecialchars($text, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8');
    }
}
