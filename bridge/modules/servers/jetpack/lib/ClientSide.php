<?php

namespace WHMCS\Module\Server\Jetpack;

/**
 * The client area's entry points: the guide page, the customer's actions, their buttons, the custom
 * action and the upsell. The service decides everything; this class only adds the client's language
 * (the service answers a language key with its English sentence) and builds WHMCS's shapes.
 */
final class ClientSide
{
    /** The functions the guide's forms call (ClientAreaAllowedFunctions). */
    public const ACTIONS = ['ClientActivate', 'ClientChangeSite', 'ClientRefreshStatus'];

    /**
     * The guide: the service's template and variables, plus the strings of the client's language
     * (`jetpack_text`) and the message for the licence's state in that language.
     *
     * @param mixed $params
     * @return array<mixed>
     */
    public static function page($params): array
    {
        $page = Bridge::table('ClientArea', $params);
        if (!isset($page['vars']) || !is_array($page['vars'])) {
            return $page;
        }
        $language = Lang::languageOf($params);
        $vars = $page['vars'];
        $state = is_string($vars['state'] ?? null) ? $vars['state'] : '';
        if (($vars['message'] ?? '') !== '' && $state !== '' && $state !== 'active' && $state !== 'suspended') {
            $vars['message'] = Lang::text($language, 'message_' . $state, [], (string) $vars['message']);
        }
        $vars['jetpack_text'] = Lang::strings($language);
        $page['vars'] = $vars;

        return $page;
    }

    /**
     * A customer's action: "success", or the sentence in the client's language (markup encoded).
     *
     * @param mixed $params
     */
    public static function act(string $function, $params): string
    {
        $language = Lang::languageOf($params);
        if (is_array($params)) {
            $site = $_POST['jetpack_site_typed'] ?? '';
            if (!is_string($site) || trim($site) === '') {
                $site = $_POST['jetpack_site'] ?? '';
            }
            if (is_string($site) && trim($site) !== '') {
                // Control characters become spaces and the length is bounded (the service refuses both
                // outright), so that what the customer typed is answered with the sentence about sites.
                $site = (string) preg_replace('/[\x00-\x1F\x7F]/', ' ', $site);
                $params['jetpack_site'] = mb_substr(trim($site), 0, 200, 'UTF-8');
            }
        }
        $reply = Bridge::reply($function, $params);
        $value = $reply->value;
        if ($reply->failed() || !is_array($value)) {
            return Bridge::sentence(Lang::text($language, 'client_service_down'));
        }
        if (($value['status'] ?? '') === 'success') {
            return 'success';
        }
        if (!isset($value['key']) || !is_string($value['key'])) {
            // The parameters were refused before any check ({"error": ...}): nothing was done.
            return Bridge::sentence(Lang::text($language, 'client_bad_request'));
        }
        $args = isset($value['args']) && is_array($value['args']) ? $value['args'] : [];
        $english = is_string($value['message'] ?? null) ? $value['message'] : '';

        return Bridge::sentence(Lang::text($language, 'client_' . $value['key'], $args, $english));
    }

    /**
     * Label => function for WHMCS's buttons, labels in the client's language; the same two buttons
     * when the service cannot answer (WHMCS shows them with every page).
     *
     * @param mixed $params
     * @return array<string, string>
     */
    public static function buttons($params): array
    {
        $language = Lang::languageOf($params);
        $reply = Bridge::reply('ClientAreaCustomButtonArray', $params, true);
        $functions = is_array($reply->value) && !isset($reply->value['error'])
            ? array_values(array_filter($reply->value, static fn ($f) => in_array($f, self::ACTIONS, true)))
            : ['ClientActivate', 'ClientRefreshStatus'];
        $buttons = [];
        foreach ($functions as $function) {
            $buttons[Lang::text($language, 'button_' . $function, [], $function)] = $function;
        }

        return $buttons;
    }

    /**
     * The custom action "Activate Jetpack" (WHMCS 8.5+) for a service whose licence is not on a site
     * yet; nothing on older WHMCS, or when the service does not answer within the short bound.
     *
     * @param mixed $params
     * @return mixed a CustomActionCollection, or [] without one
     */
    public static function customActions($params)
    {
        $collection = '\\WHMCS\\Module\\Server\\CustomActionCollection';
        $action = '\\WHMCS\\Module\\Server\\CustomAction';
        if (!class_exists($collection) || !class_exists($action)) {
            return [];
        }
        $actions = new $collection();
        $reply = Bridge::reply('CustomActions', $params, true);
        if (is_array($reply->value) && ($reply->value['activate'] ?? false) === true) {
            $actions->add($action::factory(
                'jetpack-activate',
                Lang::text(Lang::languageOf($params), 'custom_action_activate'),
                'jetpack_ActivateJetpack',
                [$params],
                [],
                true
            ));
        }

        return $actions;
    }

    /**
     * Where "Activate Jetpack" leads: the guide on the service's page.
     *
     * @param mixed $params
     * @return array{success: bool, redirectTo?: string, errorMsg?: string}
     */
    public static function activateRedirect($params): array
    {
        $id = is_array($params) ? ($params['serviceid'] ?? null) : null;
        if (!is_numeric($id) || (int) $id <= 0) {
            return ['success' => false, 'errorMsg' => Lang::text(Lang::languageOf($params), 'client_bad_request')];
        }

        return ['success' => true, 'redirectTo' => 'clientarea.php?action=productdetails&id=' . (int) $id . '#jetpack-license'];
    }
}
