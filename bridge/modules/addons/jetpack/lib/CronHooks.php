<?php

namespace WHMCS\Module\Addon\Jetpack;

/**
 * WHMCS's cron hooks. The daily check runs in the service's background (a long reconcile here would
 * delay the rest of WHMCS's cron); its findings come back as notices on a later AfterCronJob, and
 * each notice is told to the admins through WHMCS: the activity log and an admin e-mail.
 */
final class CronHooks
{
    public static function dailyCheck(): void
    {
        [$answer, $error] = AdminService::call('daily-check', AdminRequest::actionBody(AdminService::CRON_ADMIN));
        if ($error !== null) {
            // Once a day, so worth a line: the admins learn that the check did not run and why.
            self::localApi('LogActivity', ['description' => 'Jetpack daily check did not start: ' . $error]);

            return;
        }
        self::notify($answer['notices'] ?? []);
    }

    public static function notices(): void
    {
        // After every cron run (every few minutes): a failure is not logged each time; the service
        // keeps undelivered notices, so the next run delivers them.
        [$answer, $error] = AdminService::call('notices', AdminRequest::actionBody(AdminService::CRON_ADMIN));
        if ($error === null) {
            self::notify($answer['notices'] ?? []);
        }
    }

    /** @param mixed $notices */
    private static function notify($notices): void
    {
        if (!is_array($notices)) {
            return;
        }
        foreach ($notices as $notice) {
            if (!is_array($notice)) {
                continue;
            }
            $activity = self::field($notice, 'activity');
            if ($activity !== '') {
                self::localApi('LogActivity', ['description' => $activity]);
            }
            $subject = self::field($notice, 'subject');
            $message = self::field($notice, 'message');
            if ($subject !== '' && $message !== '') {
                self::localApi('SendAdminEmail', [
                    'customsubject' => $subject,
                    // The message is plain text; WHMCS sends custommessage as HTML.
                    'custommessage' => nl2br(Alert::text($message)),
                    'type' => 'system',
                ]);
            }
        }
    }

    /** @param array<mixed> $notice */
    private static function field(array $notice, string $key): string
    {
        return isset($notice[$key]) && is_string($notice[$key]) ? $notice[$key] : '';
    }

    /** @param array<string, string> $values */
    private static function localApi(string $command, array $values): void
    {
        if (!function_exists('localAPI')) {
            return;
        }
        try {
            localAPI($command, $values);
        } catch (\Throwable $e) {
            // Telling the admins must not break WHMCS's cron run.
        }
    }
}
