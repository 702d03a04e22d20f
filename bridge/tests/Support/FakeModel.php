<?php

namespace JetpackBridgeTests;

/**
 * Stands in for WHMCS's Eloquent models (WHMCS\Service\Service, WHMCS\Service\Addon): attributes
 * reached through __get/__isset only, as Eloquent does, never as declared properties.
 */
final class FakeModel
{
    /** @param array<string, mixed> $attributes */
    public function __construct(private array $attributes)
    {
    }

    public function __get(string $name)
    {
        return $this->attributes[$name] ?? null;
    }

    public function __isset(string $name): bool
    {
        return isset($this->attributes[$name]);
    }
}
