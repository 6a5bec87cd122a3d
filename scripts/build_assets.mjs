#!/usr/bin/env node
// Front-end asset build for the Min integration portal.
//
//   npm ci && npm run build
//
// Produces static/dist/ (gitignored):
//   portal.css, portal.rtl.css      dkfds subset (sass, compressed, unused dkfds
//                                   variants dropped) + rtlcss mirror
//   fonts-{latin,cyrillic,arabic,ethiopic}.css + fonts/*.woff2   per-script web fonts
//   manifest.json                   file -> gzip bytes, locale -> font css
//
// Exit code 1 if a page's CSS (portal[.rtl].css + its fonts-*.css) is over
// the 20 KB gzip budget, if a url() in portal.css cannot be resolved, or if
// the Arabic font subset does not cover the Arabic/Persian/Pashto ranges.
// Works offline: everything comes from node_modules.

import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import postcss from 'postcss';
import rtlcss from 'rtlcss';
import * as sass from 'sass';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'static', 'src');
const DIST = join(ROOT, 'static', 'dist');
const NODE_MODULES = join(ROOT, 'node_modules');
const require = createRequire(join(ROOT, 'package.json'));

const BUDGET_GZIP = 20 * 1024; // hard limit: all CSS for one page
const TARGET_GZIP = 8 * 1024; // soft target for portal.css

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const hash8 = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 8);
const errors = [];

rmSync(DIST, { recursive: true, force: true });
mkdirSync(join(DIST, 'fonts'), { recursive: true });

// ---------------------------------------------------------------------------
// 1. SCSS -> CSS (compressed). dkfds is resolved from node_modules.
// ---------------------------------------------------------------------------
const compiled = sass.compile(join(SRC, 'portal.scss'), {
  loadPaths: [NODE_MODULES],
  style: 'compressed',
  quietDeps: true, // dkfds' own deprecation warnings (Sass if()), not ours
  silenceDeprecations: ['if-function'],
  charset: false, // no BOM / @charset: non-ASCII is escaped below, output is pure ASCII
});

// Drop dkfds variants the portal does not use (static/src/unused-selectors.json).
const unused = JSON.parse(readFileSync(join(SRC, 'unused-selectors.json'), 'utf8')).patterns.map((p) => new RegExp(p));
const root = postcss.parse(compiled.css);
root.walkRules((rule) => {
  const keep = rule.selectors.filter((sel) => !unused.some((re) => re.test(sel)));
  if (keep.length === 0) rule.remove();
  else if (keep.length !== rule.selectors.length) rule.selectors = keep;
});
root.walkAtRules((at) => {
  if (at.nodes && at.nodes.length === 0) at.remove();
});
// Escape non-ASCII (e.g. the list bullet U+2022) so the files are pure ASCII
// and do not depend on the charset the server sends.
const asciiOnly = (css) => css.replace(/[^\x00-\x7f]/gu, (ch) => `\\${ch.codePointAt(0).toString(16)} `);
let ltr = asciiOnly(root.toString());

// ---------------------------------------------------------------------------
// 2. RTL mirror with rtlcss. Physical properties (left/right, padding-left,
//    text-align, gradients, background-position) are flipped; icon URLs are
//    swapped (chevron-left <-> chevron-right) so arrows point the right way.
//    Selectors are never renamed.
// ---------------------------------------------------------------------------
const urlOnly = { scope: 'url', ignoreCase: false };
let rtl = rtlcss.process(ltr, {
  autoRename: false,
  processUrls: { decl: true, atrule: false },
  stringMap: [
    { name: 'left-right', priority: 100, exclusive: false, search: ['left'], replace: ['right'], options: urlOnly },
    { name: 'ltr-rtl', priority: 100, exclusive: false, search: ['ltr'], replace: ['rtl'], options: urlOnly },
  ],
});

// ---------------------------------------------------------------------------
// 3. Inline the dkfds icons referenced as url(icons/<name>.svg) as data: URIs
//    (a handful of ~150-500 byte SVGs; saves requests on slow phones).
// ---------------------------------------------------------------------------
const ICON_DIR = join(NODE_MODULES, 'dkfds', 'dist', 'img', 'svg-icons');
const iconCache = new Map();
function iconDataUri(name) {
  if (!iconCache.has(name)) {
    const svg = readFileSync(join(ICON_DIR, `${name}.svg`), 'utf8').trim()
      .replace(/"/g, "'")
      .replace(/\s+/g, ' ')
      .replace(/%/g, '%25').replace(/#/g, '%23').replace(/</g, '%3C').replace(/>/g, '%3E');
    iconCache.set(name, `url("data:image/svg+xml,${svg}")`);
  }
  return iconCache.get(name);
}
function inlineIcons(css, file) {
  css = css.replace(/url\(\s*(["']?)icons\/([a-z0-9-]+)\.svg\1\s*\)/g, (m, q, name) => {
    try {
      return iconDataUri(name);
    } catch {
      errors.push(`${file}: icon "${name}" not found in dkfds/dist/img/svg-icons`);
      return m;
    }
  });
  for (const m of css.matchAll(/url\(\s*(["']?)(?!data:)([^"')]+)\1\s*\)/g)) {
    errors.push(`${file}: unresolved url(${m[2]}) – portal.css must not reference external files`);
  }
  return css;
}
ltr = inlineIcons(ltr, 'portal.css');
rtl = inlineIcons(rtl, 'portal.rtl.css');

const banner = (f) => `/*! ${f} - Min integration, built from Det Faelles Designsystem (dkfds, MIT) by scripts/build_assets.mjs */\n`;
writeFileSync(join(DIST, 'portal.css'), banner('portal.css') + ltr + '\n');
writeFileSync(join(DIST, 'portal.rtl.css'), banner('portal.rtl.css') + rtl + '\n');

// ---------------------------------------------------------------------------
// 4. Fonts: own @font-face rules (woff2 only, font-display: swap,
//    unicode-range), one CSS file per script, only the needed woff2 files.
// ---------------------------------------------------------------------------
const fontCfg = JSON.parse(readFileSync(join(SRC, 'fonts.json'), 'utf8'));
const copied = new Map(); // source path -> dist file name
const localeFonts = {};

function fontFile(pkg, subset, weight) {
  const base = pkg.split('/')[1];
  const src = join(dirname(require.resolve(`${pkg}/package.json`)), 'files', `${base}-${subset}-${weight}-normal.woff2`);
  if (!copied.has(src)) {
    const buf = readFileSync(src);
    const name = `${base}-${subset}-${weight}.${hash8(buf)}.woff2`;
    copyFileSync(src, join(DIST, 'fonts', name));
    copied.set(src, name);
  }
  return copied.get(src);
}

function parseRanges(unicodeRange) {
  return unicodeRange.split(',').map((r) => {
    const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(a, 16), parseInt(b ?? a, 16)];
  });
}
const covers = (ranges, lo, hi) => {
  for (let cp = lo; cp <= hi; cp++) if (!ranges.some(([a, b]) => cp >= a && cp <= b)) return cp;
  return null;
};

for (const [file, { locales, faces }] of Object.entries(fontCfg.files)) {
  let css = `/* ${file}.css - ${locales.join(', ')} - generated by scripts/build_assets.mjs */\n`;
  for (const { family, package: pkg, subsets } of faces) {
    const unicode = JSON.parse(readFileSync(require.resolve(`${pkg}/unicode.json`), 'utf8'));
    for (const subset of subsets) {
      const range = unicode[subset];
      if (!range) throw new Error(`${pkg} has no "${subset}" subset`);
      if (subset === 'arabic') {
        // Persian and Pashto letters (U+0600-06FF) and presentation forms.
        // U+FE75 and U+FEFD-FEFF are unassigned / the BOM (ZWNBSP).
        const ranges = parseRanges(range);
        for (const [lo, hi] of [[0x0600, 0x06ff], [0xfb50, 0xfdff], [0xfe70, 0xfe74], [0xfe76, 0xfefc]]) {
          const miss = covers(ranges, lo, hi);
          if (miss !== null) errors.push(`${pkg} arabic unicode-range misses U+${miss.toString(16).toUpperCase()}`);
        }
      }
      for (const weight of fontCfg.weights) {
        const name = fontFile(pkg, subset, weight);
        css += `@font-face{font-family:"${family}";font-style:normal;font-weight:${weight};font-display:swap;` +
          `src:url(fonts/${name}) format("woff2");unicode-range:${range}}\n`;
      }
    }
  }
  writeFileSync(join(DIST, `${file}.css`), css);
  for (const l of locales) localeFonts[l] = `${file}.css`;
}

// ---------------------------------------------------------------------------
// 5. Sizes, manifest, budget.
// ---------------------------------------------------------------------------
const outputs = ['portal.css', 'portal.rtl.css', ...Object.keys(fontCfg.files).map((f) => `${f}.css`)];
const gzipBytes = {}; // CSS file -> gzip bytes
const rawBytes = {}; // CSS file -> uncompressed bytes
for (const f of outputs) {
  const buf = readFileSync(join(DIST, f));
  rawBytes[f] = buf.length;
  gzipBytes[f] = gz(buf);
}
const fontBytes = {}; // woff2 is already compressed: raw bytes only
for (const name of [...copied.values()].sort()) fontBytes[`fonts/${name}`] = readFileSync(join(DIST, 'fonts', name)).length;

const rtlLocales = ['ar', 'fa', 'ps'];
const pages = {};
for (const [locale, fontsCss] of Object.entries(localeFonts)) {
  const main = rtlLocales.includes(locale) ? 'portal.rtl.css' : 'portal.css';
  pages[locale] = { dir: rtlLocales.includes(locale) ? 'rtl' : 'ltr', css: [main, fontsCss], css_gzip: gzipBytes[main] + gzipBytes[fontsCss] };
}

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
console.log(`static/dist (${relative(process.cwd(), DIST) || '.'})`);
console.log('file'.padEnd(52), 'bytes'.padStart(10), 'gzip -9'.padStart(10));
for (const f of Object.keys(gzipBytes)) {
  console.log(f.padEnd(52), String(rawBytes[f]).padStart(10), String(gzipBytes[f]).padStart(10));
}
for (const [f, n] of Object.entries(fontBytes)) console.log(f.padEnd(52), String(n).padStart(10), '(woff2)'.padStart(10));
console.log('\nCSS per page (gzip):');
for (const [l, p] of Object.entries(pages)) console.log(`  ${l.padEnd(3)} ${p.dir}  ${p.css.join(' + ').padEnd(36)} ${kb(p.css_gzip)}`);

if (gzipBytes['portal.css'] > BUDGET_GZIP) errors.push(`portal.css is ${kb(gzipBytes['portal.css'])} gzip > ${kb(BUDGET_GZIP)} budget`);
for (const [l, p] of Object.entries(pages)) {
  if (p.css_gzip > BUDGET_GZIP) errors.push(`CSS for a ${l} page is ${kb(p.css_gzip)} gzip > ${kb(BUDGET_GZIP)} budget`);
}
if (gzipBytes['portal.css'] > TARGET_GZIP) console.warn(`\nwarning: portal.css ${kb(gzipBytes['portal.css'])} gzip is above the ${kb(TARGET_GZIP)} target`);

if (errors.length) {
  console.error('\nBUILD FAILED:\n  ' + errors.join('\n  '));
  process.exit(1);
}
// Written last, only on success: `make` uses it as the build stamp.
writeFileSync(join(DIST, 'manifest.json'), JSON.stringify({
  generator: 'scripts/build_assets.mjs',
  gzip_level: 9,
  files: gzipBytes, // CSS file -> gzip bytes
  bytes: rawBytes, // CSS file -> uncompressed bytes
  fonts: fontBytes, // woff2 file -> bytes (served as is)
  locales: pages, // locale -> dir + the CSS files the base template must link
}, null, 2) + '\n');
console.log('\nok');
