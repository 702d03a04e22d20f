<?php

/**
 * The $params WHMCS passes to a provisioning module for one service of the logged-in client, built
 * from WHMCS's tables as WHMCS builds them (the columns our module reads). Null when the service is
 * not the client's: WHMCS checks ownership before calling the module.
 */
function host_service_params(int $serviceId, int $clientId): ?array
{
    $query = host_db()->prepare(
        'SELECT h.id, h.userid, h.orderid, h.packageid, h.domain, h.domainstatus, p.configoption1, p.configoption2, '
        . 'p.configoption3, c.firstname, c.lastname, c.email, c.language '
        . 'FROM tblhosting h JOIN tblproducts p ON p.id = h.packageid JOIN tblclients c ON c.id = h.userid '
        . "WHERE h.id = ? AND h.userid = ? AND p.servertype = 'jetpack'"
    );
    $query->execute([$serviceId, $clientId]);
    $row = $query->fetch();
    if ($row === false) {
        return null;
    }

    return [
        'accountid' => (int) $row['id'],
        'serviceid' => (int) $row['id'],
        'userid' => (int) $row['userid'],
        'pid' => (int) $row['packageid'],
        'domain' => (string) $row['domain'],
        'status' => (string) $row['domainstatus'],
        'configoption1' => (string) $row['configoption1'],
        'configoption2' => (string) $row['configoption2'],
        'configoption3' => (string) $row['configoption3'],
        'clientsdetails' => [
            'userid' => (int) $row['userid'],
            'firstname' => (string) $row['firstname'],
            'lastname' => (string) $row['lastname'],
            'email' => (string) $row['email'],
            'language' => (string) $row['language'],
        ],
        // WHMCS passes the service's Eloquent model; the module reads orderid from it.
        'model' => (object) ['id' => (int) $row['id'], 'orderid' => (int) $row['orderid'], 'userid' => (int) $row['userid']],
    ];
}
