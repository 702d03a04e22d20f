<?php

namespace JetpackBridgeTests;

/**
 * Every shipped language is complete: German defines exactly the strings English does, each with the
 * same placeholders, so no sentence a customer reads falls back to English or loses its figures.
 */
final class LanguageFilesTest extends BridgeTestCase
{
    private const LANG_DIR = __DIR__ . '/../modules/servers/jetpack/lang';

    public function testEveryShippedLanguageDefinesEveryEnglishStringWithTheSamePlaceholders(): void
    {
        $english = self::load('english');
        $this->assertNotEmpty($english);
        foreach (glob(self::LANG_DIR . '/*.php') as $file) {
            $language = basename($file, '.php');
            $strings = self::load($language);
            $this->assertSame([], array_values(array_diff(array_keys($english), array_keys($strings))), "$language lacks strings");
            $this->assertSame([], array_values(array_diff(array_keys($strings), array_keys($english))), "$language has strings English lacks");
            foreach ($english as $key => $text) {
                $this->assertSame(self::placeholders($text), self::placeholders($strings[$key]), "$language: $key");
                $this->assertNotSame('', trim($strings[$key]), "$language: $key is empty");
            }
        }
    }

    /** @return array<string, string> */
    private static function load(string $language): array
    {
        $_LANG = [];
        include self::LANG_DIR . "/$language.php";

        return $_LANG;
    }

    /** @return list<string> */
    private static function placeholders(string $text): array
    {
        preg_match_all('/\{[a-z_]+\}/', $text, $found);
        $names = $found[0];
        sort($names);

        return array_values(array_unique($names));
    }
}
