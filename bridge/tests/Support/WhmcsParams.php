<?php

namespace JetpackBridgeTests;

/** The $params WHMCS passes to a provisioning module, for a product service or a product addon. */
final class WhmcsParams
{
    /**
     * @param array<string, mixed> $overrides
     * @return array<string, mixed>
     */
    public static function service(int $serviceId, int $orderId, int $pid, string $token, string $slug, array $overrides = []): array
    {
        $params = self::common($serviceId, $pid, $token, $slug) + [
            'model' => new FakeModel([
                'id' => $serviceId,
                'orderid' => $orderId,
                'packageid' => $pid,
                'userid' => 7,
                'domain' => 'shop.example.com',
                'domainstatus' => 'Pending',
            ]),
        ];

        return array_replace($params, $overrides);
    }

    /**
     * During an addon call WHMCS passes the parent's serviceid and pid, the addon's own settings, and
     * addonId; model is the addon.
     *
     * @param array<string, mixed> $overrides
     * @return array<string, mixed>
     */
    public static function addon(int $addonId, int $parentServiceId, int $orderId, int $parentPid, string $token, string $slug, array $overrides = []): array
    {
        $params = self::common($parentServiceId, $parentPid, $token, $slug) + [
            'addonId' => $addonId,
            'model' => new FakeModel([
                'id' => $addonId,
                'orderid' => $orderId,
                'hostingid' => $parentServiceId,
                'addonid' => 3,
                'userid' => 7,
                'status' => 'Pending',
            ]),
        ];

        return array_replace($params, $overrides);
    }

    /** @return array<string, mixed> */
    private static function common(int $serviceId, int $pid, string $token, string $slug): array
    {
        $params = [
            'accountid' => $serviceId,
            'serviceid' => $serviceId,
            'userid' => 7,
            'domain' => 'shop.example.com',
            'username' => 'shopexam',
            'password' => 'p4ss-not-a-secret-of-ours',
            'packageid' => $pid,
            'pid' => $pid,
            'serverid' => 0,
            'status' => 'Active',
            'type' => 'other',
            'producttype' => 'other',
            'moduletype' => 'jetpack',
            'customfields' => [],
            'configoptions' => [],
            'clientsdetails' => [
                'userid' => 7,
                'id' => 7,
                'firstname' => 'Ada',
                'lastname' => 'Lovelace',
                'fullname' => 'Ada Lovelace',
                'companyname' => 'Analytical Engines Ltd',
                'email' => 'ada@example.com',
                'address1' => '1 Engine Street',
                'city' => 'London',
                'countrycode' => 'GB',
                'phonenumber' => '+44.2000000000',
                'language' => 'english',
            ],
            'server' => false,
            'serverip' => '',
            'serverhostname' => '',
            'serverusername' => '',
            'serverpassword' => '',
            'serversecure' => false,
        ];
        for ($i = 1; $i <= 24; $i++) {
            $params['configoption' . $i] = '';
        }
        $params['configoption1'] = $token;
        $params['configoption2'] = $slug;
        $params['configoption3'] = 'on';
        $params['configoption4'] = 'keep';

        return $params;
    }
}
