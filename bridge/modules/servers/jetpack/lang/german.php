<?php

/**
 * Die Texte des Jetpack-Moduls für Kundinnen und Kunden (Deutsch). Einzelne Schlüssel lassen sich in
 * lang/overrides/german.php ändern, ohne diese Datei anzufassen. Platzhalter in geschweiften Klammern
 * ({site}) füllt das Modul aus; der Text wird bei der Anzeige maskiert.
 */

if (!defined('WHMCS')) {
    die('This file cannot be accessed directly.');
}

$_LANG['jetpack_title'] = 'Jetpack-Lizenz';
$_LANG['jetpack_product'] = 'Produkt';
$_LANG['jetpack_status'] = 'Status';
$_LANG['jetpack_state_active'] = 'Aktiv';
$_LANG['jetpack_state_suspended'] = 'Gesperrt';
$_LANG['jetpack_state_pending'] = 'Wird ausgestellt';
$_LANG['jetpack_state_revoked'] = 'Gekündigt';
$_LANG['jetpack_state_none'] = 'Noch nicht ausgestellt';
$_LANG['jetpack_state_unavailable'] = 'Nicht verfügbar';
$_LANG['jetpack_site'] = 'Website';
$_LANG['jetpack_not_attached'] = 'Noch auf keiner Website aktiviert';
$_LANG['jetpack_key_label'] = 'Ihr Lizenzschlüssel';
$_LANG['jetpack_copy'] = 'Kopieren';
$_LANG['jetpack_copied'] = 'Kopiert';
$_LANG['jetpack_copy_failed'] = 'Markieren Sie den Schlüssel und kopieren Sie ihn mit Strg+C';
$_LANG['jetpack_steps_title'] = 'Jetpack in drei Schritten aktivieren';
$_LANG['jetpack_step_copy'] = 'Kopieren Sie Ihren Lizenzschlüssel mit der Schaltfläche oben.';
$_LANG['jetpack_step_open'] = 'Öffnen Sie die Lizenzaktivierung von Jetpack auf Ihrer Website (melden Sie sich bei WordPress an, falls nötig):';
$_LANG['jetpack_step_open_link'] = 'Jetpack auf {site} öffnen';
$_LANG['jetpack_step_open_manual'] = 'Öffnen Sie Ihr WordPress-Dashboard und gehen Sie zu Jetpack, dann Dashboard, dann License activation.';
$_LANG['jetpack_step_paste'] = 'Fügen Sie den Schlüssel ein, klicken Sie auf Activate und dann hier auf Status aktualisieren.';
$_LANG['jetpack_help_title'] = 'Wenn es nicht klappt';
$_LANG['jetpack_help_body'] = 'Prüfen Sie, ob das Jetpack-Plugin auf Ihrer Website installiert und mit WordPress.com verbunden ist, und versuchen Sie es erneut; klappt es weiterhin nicht, nennen Sie dem Support Ihre Website-Adresse (veröffentlichen Sie Ihren Schlüssel nie).';
$_LANG['jetpack_getting_started'] = 'So installieren Sie Jetpack und verbinden Ihren Tarif';
$_LANG['jetpack_manage_title'] = 'Website wählen';
$_LANG['jetpack_site_pick'] = 'Eine Ihrer Websites';
$_LANG['jetpack_site_typed'] = 'Oder geben Sie die Adresse der Website ein';
$_LANG['jetpack_site_help'] = 'Zum Beispiel https://example.com, https://example.com/blog, eine WordPress.com-Blog-ID oder example.com::blog.';
$_LANG['jetpack_button_ClientActivate'] = 'Auf meiner Website aktivieren';
$_LANG['jetpack_button_ClientChangeSite'] = 'Website wechseln';
$_LANG['jetpack_button_ClientRefreshStatus'] = 'Status aktualisieren';
$_LANG['jetpack_message_pending'] = 'Ihre Jetpack-Lizenz wird gerade ausgestellt; laden Sie diese Seite in einer Minute neu.';
$_LANG['jetpack_message_revoked'] = 'Diese Jetpack-Lizenz wurde gekündigt; wenden Sie sich an den Support, wenn Sie Jetpack weiterhin benötigen.';
$_LANG['jetpack_message_none'] = 'Für diesen Dienst wurde noch keine Jetpack-Lizenz ausgestellt; sie erscheint hier, sobald Ihre Bestellung eingerichtet ist, und wenden Sie sich an den Support, falls das länger dauert.';
$_LANG['jetpack_message_unavailable'] = 'Ihre Jetpack-Lizenz kann gerade nicht angezeigt werden; versuchen Sie es in einigen Minuten erneut oder wenden Sie sich an den Support, falls das anhält.';
$_LANG['jetpack_client_bad_request'] = 'Diese Anfrage nennt Ihren Dienst nicht; laden Sie die Seite aus Ihrem Kundenbereich neu und versuchen Sie es erneut.';
$_LANG['jetpack_client_not_yours'] = 'Dieser Dienst gehört nicht zu Ihrem Konto; öffnen Sie den Dienst aus Ihrem eigenen Kundenbereich und versuchen Sie es erneut.';
$_LANG['jetpack_client_unavailable'] = 'Sie können die Website gerade nicht selbst ändern; bitte wenden Sie sich an den Support, wir ändern sie für Sie.';
$_LANG['jetpack_client_no_license'] = 'Dieser Dienst hat noch keine aktive Jetpack-Lizenz; warten Sie, bis er eingerichtet ist, oder wenden Sie sich an den Support, falls das länger dauert.';
$_LANG['jetpack_client_in_progress'] = 'Ihre Jetpack-Lizenz wird gerade eingerichtet; versuchen Sie es in einer Minute erneut.';
$_LANG['jetpack_client_not_active'] = 'Dieser Dienst ist nicht aktiv, deshalb kann seine Website gerade nicht geändert werden; bezahlen Sie offene Rechnungen oder wenden Sie sich an den Support und versuchen Sie es dann erneut.';
$_LANG['jetpack_client_site_missing'] = 'Wählen Sie eine Ihrer Websites oder geben Sie die Adresse der WordPress-Website ein und versuchen Sie es erneut.';
$_LANG['jetpack_client_changes_off'] = 'Ihr Anbieter hat Website-Wechsel im Kundenbereich abgeschaltet; bitte wenden Sie sich an den Support, um die Website zu ändern.';
$_LANG['jetpack_client_site_invalid'] = '„{site}“ ist keine Website-Adresse: Geben Sie die vollständige Adresse mit https:// ein (zum Beispiel https://example.com/blog), eine WordPress.com-Blog-ID wie 123456 oder die Form example.com::blog.';
$_LANG['jetpack_client_already_attached'] = 'Ihre Lizenz ist bereits auf {site} aktiv; verwenden Sie „Website wechseln“, um sie auf eine andere Website zu verschieben.';
$_LANG['jetpack_client_too_many_tries'] = 'Die Website dieses Dienstes konnte in den letzten 24 Stunden in {tries} Versuchen nicht gewechselt werden; prüfen Sie, ob Jetpack auf Ihrer Website verbunden ist, und versuchen Sie es morgen erneut oder wenden Sie sich an den Support.';
$_LANG['jetpack_client_rate_limited'] = 'Sie haben die Website dieses Dienstes in den letzten 24 Stunden bereits {limit}-mal gewechselt; versuchen Sie es morgen erneut oder wenden Sie sich an den Support.';
$_LANG['jetpack_client_not_connected'] = 'Jetpack ist auf {site} noch nicht verbunden: Öffnen Sie {activation_url}, verbinden Sie Jetpack, fügen Sie dort Ihren Lizenzschlüssel ein und klicken Sie dann auf Status aktualisieren.';
$_LANG['jetpack_client_failed'] = 'Jetpack konnte diese Änderung gerade nicht ausführen; versuchen Sie es in einigen Minuten erneut und wenden Sie sich an den Support, falls es weiterhin fehlschlägt.';
$_LANG['jetpack_client_failed_with_id'] = 'Jetpack konnte diese Änderung gerade nicht ausführen; versuchen Sie es in einigen Minuten erneut und nennen Sie dem Support die Jetpack-Anfrage-ID {request_id}, falls es weiterhin fehlschlägt.';
$_LANG['jetpack_client_moved_halfway'] = 'Ihre Lizenz wurde von der alten Website entfernt, konnte aber nicht zu {site} hinzugefügt werden; klicken Sie auf „Auf meiner Website aktivieren“, um es erneut zu versuchen.';
$_LANG['jetpack_client_moved_halfway_with_id'] = 'Ihre Lizenz wurde von der alten Website entfernt, konnte aber nicht zu {site} hinzugefügt werden; klicken Sie auf „Auf meiner Website aktivieren“, um es erneut zu versuchen (Jetpack-Anfrage-ID {request_id}).';
$_LANG['jetpack_client_service_down'] = 'Jetpack ist gerade nicht erreichbar; es wurde nichts geändert, versuchen Sie es in einigen Minuten erneut oder wenden Sie sich an den Support, falls das anhält.';
$_LANG['jetpack_custom_action_activate'] = 'Jetpack aktivieren';
$_LANG['jetpack_upsell_panel'] = 'Jetpack für Ihre WordPress-Websites';
$_LANG['jetpack_upsell_title'] = 'Jetpack für {site} hinzufügen';
$_LANG['jetpack_upsell_body'] = 'Backups, Malware-Scans und Spamschutz für Ihre WordPress-Website, abgerechnet mit Ihrem Hosting.';
$_LANG['jetpack_upsell_price'] = '{price} {cycle}';
$_LANG['jetpack_upsell_button'] = 'In den Warenkorb';
$_LANG['jetpack_cycle_free'] = 'kostenlos';
$_LANG['jetpack_cycle_one time'] = 'einmalig';
$_LANG['jetpack_cycle_monthly'] = 'pro Monat';
$_LANG['jetpack_cycle_quarterly'] = 'pro Quartal';
$_LANG['jetpack_cycle_semi-annually'] = 'pro Halbjahr';
$_LANG['jetpack_cycle_annually'] = 'pro Jahr';
$_LANG['jetpack_cycle_biennially'] = 'alle zwei Jahre';
$_LANG['jetpack_cycle_triennially'] = 'alle drei Jahre';
