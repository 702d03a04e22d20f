<?php

namespace WHMCS\Module;

/** WHMCS's base class of admin-home widgets, with the members WHMCS documents (title() is the host's reader). */
abstract class AbstractWidget
{
    protected $title = null;
    protected $description = null;
    protected $columns = 1;
    protected $weight = 100;
    protected $wrapper = true;
    protected $cache = false;
    protected $cacheExpiry = 3600;
    protected $requiredPermission = '';

    abstract public function getData();

    abstract public function generateOutput($data);

    public function title(): string
    {
        return (string) $this->title;
    }
}
