<?php

namespace JetpackBridgeTests;

/**
 * Renders templates/jetpack_license.tpl with real Smarty, as WHMCS does for ClientArea's
 * templatefile, including hostile values: nothing a customer or an API typed becomes live markup.
 */
final class TemplateTest extends BridgeTestCase
{
    private const HOSTILE_DOMAIN = 'x.com"><script>alert(1)</script>';

    public function testHostileValuesAreEscapedEverywhere(): void
    {
        $html = $this->render([
            'license_key' => 'jetpack-scan_abc"><img src=x onerror=alert(2)>',
            'state' => 'active<b>',
            'product_name' => 'Scan</strong><script>alert(3)</script>',
            'domain' => self::HOSTILE_DOMAIN,
            'attached_site' => self::HOSTILE_DOMAIN,
            'activation_url' => 'https://' . self::HOSTILE_DOMAIN . '/wp-admin/admin.php?page=jetpack#/license/activation',
            'getting_started_url' => 'https://jetpack.com/support/install-jetpack-and-connect-your-new-plan/?a="><script>alert(4)</script>',
            'message' => '<iframe src="https://evil.example"></iframe>',
        ]);

        $this->assertNoLiveMarkup($html);
        $this->assertStringContainsString('x.com&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;', $html);
        $this->assertStringContainsString('value="jetpack-scan_abc&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"', $html);
        $this->assertStringContainsString('&lt;iframe', $html);
    }

    public function testAnActiveLicenceShowsTheKeyCopyButtonActivationAndGettingStartedLinks(): void
    {
        $html = $this->render([
            'license_key' => 'jetpack-backup-daily_Zx81kq',
            'state' => 'active',
            'product_name' => 'Jetpack VaultPress Backup',
            'domain' => 'shop.example.com',
            'attached_site' => '',
            'activation_url' => 'https://shop.example.com/wp-admin/admin.php?page=jetpack#/license/activation',
            'getting_started_url' => 'https://jetpack.com/support/install-jetpack-and-connect-your-new-plan/',
            'message' => '',
        ]);

        $this->assertStringContainsString('value="jetpack-backup-daily_Zx81kq"', $html);
        $this->assertStringContainsString('navigator.clipboard.writeText', $html);
        $this->assertStringContainsString('>Copy</button>', $html);
        $this->assertStringContainsString('href="https://shop.example.com/wp-admin/admin.php?page=jetpack#/license/activation"', $html);
        $this->assertStringContainsString('href="https://jetpack.com/support/install-jetpack-and-connect-your-new-plan/"', $html);
        $this->assertStringContainsString('Jetpack VaultPress Backup', $html);
    }

    public function testNoLicenceShowsAClearStateAndNoKeyOrCopyButton(): void
    {
        $html = $this->render([
            'license_key' => '',
            'state' => 'none',
            'domain' => 'shop.example.com',
            'activation_url' => 'https://shop.example.com/wp-admin/admin.php?page=jetpack#/license/activation',
            'getting_started_url' => 'https://jetpack.com/support/install-jetpack-and-connect-your-new-plan/',
            'message' => 'No Jetpack licence has been issued for this service yet; please contact support if this lasts.',
        ]);

        $this->assertStringContainsString('No Jetpack licence has been issued for this service yet', $html);
        $this->assertStringNotContainsString('jetpack-license-key', $html);
        $this->assertStringNotContainsString('Copy</button>', $html);
    }

    public function testNoVariablesAtAllRendersTheEmptyStateWithoutNotices(): void
    {
        $html = $this->render([]);

        $this->assertStringContainsString('No Jetpack licence has been issued for this service yet', $html);
    }

    public function testLinksThatAreNotHttpAreNotRenderedAsLinks(): void
    {
        $html = $this->render([
            'license_key' => 'jetpack-scan_k',
            'activation_url' => 'javascript:alert(document.cookie)//',
            'getting_started_url' => ' data:text/html,<script>alert(1)</script>',
        ]);

        $this->assertStringNotContainsString('javascript:', $html);
        $this->assertStringNotContainsString('data:text', $html);
        $this->assertStringContainsString('License activation', $html);
    }

    public function testTheGuideCarriesTheFormsWithTheTokenTheSitesAndTheStepsLinkOnTheAttachedSite(): void
    {
        $html = $this->render([
            'license_key' => 'jetpack-scan_k',
            'state' => 'active',
            'domain' => 'shop.example.com',
            'attached_site' => 'http://staging.example.com',
            'activation_url' => 'http://staging.example.com/wp-admin/admin.php?page=jetpack#/license/activation',
            'sites' => ['shop.example.com', 'x.com"><script>alert(5)</script>'],
            'token' => 'csrf"token',
            'jetpack_text' => \WHMCS\Module\Server\Jetpack\Lang::strings('english'),
        ]);

        $this->assertNoLiveMarkup($html);
        $this->assertStringContainsString('action="clientarea.php?action=productdetails&amp;id=12&amp;modop=custom&amp;a=ClientChangeSite"', $html);
        $this->assertStringContainsString('a=ClientRefreshStatus"', $html);
        $this->assertSame(2, substr_count($html, 'name="token" value="csrf&quot;token"'));
        $this->assertStringContainsString('<option value="shop.example.com">shop.example.com</option>', $html);
        $this->assertStringContainsString('x.com&quot;&gt;&lt;script&gt;', $html);
        $this->assertStringContainsString('href="http://staging.example.com/wp-admin/admin.php?page=jetpack#/license/activation"', $html, 'the scheme the customer gave is kept');
        $this->assertStringContainsString('Open Jetpack on http://staging.example.com', $html);
        $this->assertStringContainsString('>Change site</button>', $html);
    }

    public function testTheGuideSpeaksTheClientsLanguageFromTheModulesLanguageFile(): void
    {
        $html = $this->render([
            'license_key' => 'jetpack-scan_k',
            'state' => 'active',
            'domain' => 'shop.example.com',
            'activation_url' => 'https://shop.example.com/wp-admin/admin.php?page=jetpack#/license/activation',
            'jetpack_text' => \WHMCS\Module\Server\Jetpack\Lang::strings('german'),
        ]);

        foreach (['Ihr Lizenzschlüssel', '>Kopieren</button>', 'Jetpack in drei Schritten aktivieren', 'Auf meiner Website aktivieren', 'Status aktualisieren', 'Aktiv'] as $german) {
            $this->assertStringContainsString($german, $html);
        }
        $this->assertStringNotContainsString('Your licence key', $html);
    }

    public function testTheBridgesOwnFallbackRendersItsSentence(): void
    {
        $fallback = \WHMCS\Module\Server\Jetpack\Fallback::clientArea(['configoption3' => 'on']);

        $html = $this->render($fallback['vars']);

        $this->assertStringContainsString('cannot be shown right now', $html);
        $this->assertStringNotContainsString('Copy</button>', $html);
    }

    /** @param array<string, mixed> $vars */
    private function render(array $vars): string
    {
        return SmartyRenderer::render($this->env()->moduleDir() . '/templates', 'jetpack_license.tpl', $vars);
    }

    /** Parses the output as a browser would: only the template's own elements and attributes exist. */
    private function assertNoLiveMarkup(string $html): void
    {
        $document = new \DOMDocument();
        $previous = libxml_use_internal_errors(true);
        $document->loadHTML('<!DOCTYPE html><html><body>' . $html . '</body></html>');
        libxml_clear_errors();
        libxml_use_internal_errors($previous);
        foreach (['script', 'img', 'iframe', 'b'] as $tag) {
            $this->assertSame(0, $document->getElementsByTagName($tag)->length, "a <{$tag}> element came from a value");
        }
        $xpath = new \DOMXPath($document);
        $handlers = [];
        foreach ($xpath->query('//@*[starts-with(name(), "on")]') as $attribute) {
            $handlers[] = $attribute->ownerElement->nodeName . '@' . $attribute->nodeName;
        }
        $this->assertSame(['button@onclick'], $handlers, 'only the copy button has an event handler');
        foreach ($xpath->query('//a/@href') as $href) {
            $this->assertMatchesRegularExpression('#^https?://#', $href->nodeValue);
        }
    }
}
