<?php

/**
 * Draws the module's logo.png (a green disc with two white triangles) with plain PHP: zlib and crc32
 * only, no GD or ImageMagick. Run: php bridge/tools/make-logo.php bridge/modules/servers/jetpack/logo.png
 */

$size = 256;
$samples = 4;
$green = [6, 158, 8];
$center = ($size - 1) / 2;
$radius = $size / 2 - 4;
$triangles = [
    [[0.476, 0.156], [0.476, 0.586], [0.258, 0.586]],
    [[0.524, 0.844], [0.524, 0.414], [0.742, 0.414]],
];

function insideTriangle(float $x, float $y, array $t): bool
{
    $sign = static fn ($a, $b, $c) => ($a[0] - $c[0]) * ($b[1] - $c[1]) - ($b[0] - $c[0]) * ($a[1] - $c[1]);
    $p = [$x, $y];
    $d1 = $sign($p, $t[0], $t[1]);
    $d2 = $sign($p, $t[1], $t[2]);
    $d3 = $sign($p, $t[2], $t[0]);
    $negative = $d1 < 0 || $d2 < 0 || $d3 < 0;
    $positive = $d1 > 0 || $d2 > 0 || $d3 > 0;

    return !($negative && $positive);
}

$raw = '';
for ($y = 0; $y < $size; $y++) {
    $raw .= "\0";
    for ($x = 0; $x < $size; $x++) {
        $disc = 0;
        $white = 0;
        for ($sy = 0; $sy < $samples; $sy++) {
            for ($sx = 0; $sx < $samples; $sx++) {
                $px = $x + ($sx + 0.5) / $samples;
                $py = $y + ($sy + 0.5) / $samples;
                if (hypot($px - $center - 0.5, $py - $center - 0.5) > $radius) {
                    continue;
                }
                $disc++;
                foreach ($triangles as $t) {
                    if (insideTriangle($px / $size, $py / $size, $t)) {
                        $white++;
                        break;
                    }
                }
            }
        }
        $n = $samples * $samples;
        $alpha = (int) round(255 * $disc / $n);
        $mix = $disc > 0 ? $white / $disc : 0;
        foreach ($green as $channel) {
            $raw .= chr((int) round($channel + (255 - $channel) * $mix));
        }
        $raw .= chr($alpha);
    }
}

$chunk = static fn (string $type, string $data) => pack('N', strlen($data)) . $type . $data
    . pack('N', crc32($type . $data));
$png = "\x89PNG\r\n\x1a\n"
    . $chunk('IHDR', pack('NNCCCCC', $size, $size, 8, 6, 0, 0, 0))
    . $chunk('IDAT', gzcompress($raw, 9))
    . $chunk('IEND', '');
file_put_contents($argv[1] ?? 'logo.png', $png);
