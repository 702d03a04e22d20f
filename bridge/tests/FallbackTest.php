<?php

namespace JetpackBridgeTests;

use PHPUnit\Framework\TestCase;
use WHMCS\Module\Server\Jetpack\Fallback;

/**
 * WHMCS prints a setting's Description as HTML on the product's Module Settings tab. The fallback
 * puts the service's error sentence there, and that sentence may quote what someone else typed (a
 * product name, an answer of the API), so it must arrive as text, never as markup.
 */
final class FallbackTest extends TestCase
{
    private const HOSTILE = 'The service answered <script>alert("x")</script> & <img src=x onerror=alert(1)> \'quoted\'.';

    public function testConfigOptionsShowsAHostileErrorTextAsTextNotMarkup(): void
    {
        $description = Fallback::configOptions(self::HOSTILE)['API Token']['Description'];

        $this->assertStringNotContainsString('<script>', $description);
        $this->assertStringNotContainsString('<img', $description);
        $this->assertStringContainsString('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;', $description);
        $this->assertStringContainsString('&amp; &lt;img src=x onerror=alert(1)&gt;', $description);
        // What a browser shows is exactly the sentence, in the usual frame.
        $this->assertSame(
            'Product settings are shown without the jetpack-whmcs service: ' . self::HOSTILE . ' Saved values are kept.',
            html_entity_decode($description, ENT_QUOTES | ENT_HTML5, 'UTF-8')
        );
    }

    public function testConfigOptionsThroughForFunctionEscapesTheSameWay(): void
    {
        $options = Fallback::forFunction('ConfigOptions', [], self::HOSTILE);

        $this->assertStringNotContainsString('<script>', $options['API Token']['Description']);
    }

    public function testAnOrdinarySentenceReadsUnchanged(): void
    {
        $description = Fallback::configOptions('The jetpack-whmcs service could not be reached at http://127.0.0.1:8787.')['API Token']['Description'];

        $this->assertStringContainsString('could not be reached at http://127.0.0.1:8787.', $description);
    }
}
