<?php

namespace WHMCS\Module\Server\Jetpack;

/** The outcome of one call to the service: its result value, or a sentence saying what went wrong. */
final class ServiceReply
{
    /**
     * @param mixed $value the decoded "result" (null on failure)
     * @param string|null $error an administrator-facing sentence when the call failed
     * @param string $log what the module log shows as the response (status, time, body)
     */
    public function __construct(
        public readonly mixed $value,
        public readonly ?string $error,
        public readonly string $log
    ) {
    }

    public static function failure(string $error, string $log = ''): self
    {
        return new self(null, $error, $log === '' ? $error : $log);
    }

    public function failed(): bool
    {
        return $this->error !== null;
    }
}
