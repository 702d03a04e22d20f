<?php

namespace JetpackBridgeTests;

use PHPUnit\Framework\TestCase;
use WHMCS\Module\Server\Jetpack\Actor;

/** Who caused a module call, read from WHMCS's session for the service's audit (docs/bridge-protocol.md). */
final class ActorTest extends TestCase
{
    protected function tearDown(): void
    {
        unset($_SESSION);
    }

    public function testAnAdminInTheAdminAreaIsTheActorEvenWhenAlsoLoggedInAsTheClient(): void
    {
        $_SESSION = ['adminid' => '3', 'uid' => 12];
        $this->assertSame(['kind' => 'admin', 'id' => 3], Actor::of(['userid' => 12]));
    }

    public function testAClientActingOnTheirOwnServiceIsTheActor(): void
    {
        $_SESSION = ['uid' => '12'];
        $this->assertSame(['kind' => 'client', 'id' => 12], Actor::of(['userid' => '12']));
    }

    public function testAClientSessionForAnotherClientOrNoSessionIsTheSystem(): void
    {
        $_SESSION = ['uid' => 13];
        $this->assertSame(['kind' => 'system'], Actor::of(['userid' => 12]));
        unset($_SESSION);
        $this->assertSame(['kind' => 'system'], Actor::of(['userid' => 12]));
        $_SESSION = ['adminid' => 'x', 'uid' => ''];
        $this->assertSame(['kind' => 'system'], Actor::of('not params'));
    }
}
