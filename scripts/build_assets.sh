#!/usr/bin/env bash
# Build the compiled front-end assets from govuk-frontend (see docs/frontend.md).
#
#   scripts/build_assets.sh               npm ci, then build
#   scripts/build_assets.sh --no-install  build with the node_modules/ already there
#
# Writes (all committed):
#   static/css/council.css                   Sass build of assets/scss/council.scss
#   static/js/govuk-frontend.min.js          govuk-frontend ES module bundle
#   static/govuk/assets/manifest.json        web app manifest (neutral icons)
#   static/govuk/assets/images/*             neutral council-colour icons
# No fonts/ (Arial only) and no GOV.UK crown / Royal Arms images are copied.
# Idempotent: every output is rebuilt from scratch and replaced as a whole.
set -euo pipefail

GOVUK_FRONTEND_VERSION="6.6.0"
SASS_VERSION="1.108.2"
COUNCIL_COLOUR="#1d3557"   # keep in step with $council-colour in council.scss

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

install=1
for arg in "$@"; do
  case "$arg" in
    --no-install) install=0 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "build_assets: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

die() { echo "build_assets: $*" >&2; exit 1; }

command -v node >/dev/null || die "node is not installed"
command -v npm >/dev/null || die "npm is not installed"

if [ "$install" -eq 1 ]; then
  # --ignore-scripts: nothing needed here has an install step (sass is pure JS;
  # its optional @parcel/watcher is only for --watch).
  npm ci --ignore-scripts --no-audit --no-fund
fi

PKG="node_modules/govuk-frontend"
have_version() { node -p "require('./node_modules/$1/package.json').version" 2>/dev/null || true; }
[ "$(have_version govuk-frontend)" = "$GOVUK_FRONTEND_VERSION" ] \
  || die "node_modules/govuk-frontend is not $GOVUK_FRONTEND_VERSION (run without --no-install)"
[ "$(have_version sass)" = "$SASS_VERSION" ] \
  || die "node_modules/sass is not $SASS_VERSION (run without --no-install)"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# --- Assets ----------------------------------------------------------------
# Start from the package's dist/govuk/assets, then drop fonts/ (GDS Transport)
# and every GOV.UK-branded image (favicons, app icons, mask icon, opengraph
# image and govuk-crest.svg all show the crown or the Royal Arms).
cp -R "$PKG/dist/govuk/assets" "$TMP/assets"
rm -rf "$TMP/assets/fonts"
rm -f "$TMP/assets/images/"govuk-* "$TMP/assets/images/"favicon.*
leftover="$(find "$TMP/assets/images" -type f | sort)"
[ -z "$leftover" ] || die "unreviewed images in govuk-frontend assets: $leftover"

# Neutral replacements: plain squares in the council colour.
COUNCIL_COLOUR="$COUNCIL_COLOUR" OUT="$TMP/assets" node - <<'NODE'
const fs = require('fs');
const zlib = require('zlib');
const path = require('path');
const out = process.env.OUT;
const hex = process.env.COUNCIL_COLOUR;
const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const png = (size) => {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(size).fill(rgb).flat())]);
  const raw = Buffer.concat(Array(size).fill(row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};
const ico = (sizes) => {
  const images = sizes.map(png);
  const header = Buffer.alloc(6); header.writeUInt16LE(0, 0); header.writeUInt16LE(1, 2); header.writeUInt16LE(sizes.length, 4);
  let offset = 6 + 16 * sizes.length;
  const entries = sizes.map((s, i) => {
    const e = Buffer.alloc(16);
    e[0] = s; e[1] = s; e[2] = 0; e[3] = 0;
    e.writeUInt16LE(1, 4); e.writeUInt16LE(24, 6);
    e.writeUInt32LE(images[i].length, 8); e.writeUInt32LE(offset, 12);
    offset += images[i].length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images]);
};

const img = path.join(out, 'images');
fs.mkdirSync(img, { recursive: true });
fs.writeFileSync(path.join(img, 'favicon.svg'),
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path fill="${hex}" d="M0 0h32v32H0z"/></svg>\n`);
fs.writeFileSync(path.join(img, 'favicon.ico'), ico([16, 32, 48]));
for (const s of [180, 192, 512]) fs.writeFileSync(path.join(img, `icon-${s}.png`), png(s));
const manifest = {
  icons: [
    { src: 'images/favicon.ico', type: 'image/x-icon', sizes: '16x16 32x32 48x48' },
    { src: 'images/favicon.svg', type: 'image/svg+xml', sizes: 'any', purpose: 'any' },
    { src: 'images/icon-180.png', type: 'image/png', sizes: '180x180', purpose: 'maskable' },
    { src: 'images/icon-192.png', type: 'image/png', sizes: '192x192', purpose: 'maskable' },
    { src: 'images/icon-512.png', type: 'image/png', sizes: '512x512', purpose: 'maskable' },
  ],
};
fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
NODE

# --- CSS -------------------------------------------------------------------
node_modules/.bin/sass --pkg-importer=node --style=compressed --no-source-map \
  --fatal-deprecation=import \
  assets/scss/council.scss "$TMP/council.css"

css="$TMP/council.css"
grep -q 'GDS Transport' "$css" && die "compiled CSS mentions GDS Transport"
grep -q '@font-face' "$css" && die "compiled CSS contains @font-face"
grep -q 'sourceMappingURL' "$css" && die "compiled CSS has a source map comment"
for sel in .govuk-generic-header .govuk-header .govuk-service-navigation \
           .govuk-footer .govuk-task-list .govuk-error-summary .govuk-summary-list \
           .app-record-table .app-tick .app-stale; do
  grep -qE "\\${sel}[{,:.[]" "$css" || die "compiled CSS lacks rules for $sel"
done
# Every url() in the CSS must point at a file we ship (Django's
# ManifestStaticFilesStorage fails collectstatic otherwise).
for u in $(grep -o 'url([^)]*)' "$css" | sed -e 's/^url(//' -e 's/)$//' -e 's/["'\'']//g' | sort -u); do
  case "$u" in
    data:*) ;;
    /static/govuk/assets/*) [ -e "$TMP/assets/${u#/static/govuk/assets/}" ] || die "CSS references missing $u" ;;
    *) die "CSS references unexpected url: $u" ;;
  esac
done
mkdir -p static/css
mv "$css" static/css/council.css

# --- JS --------------------------------------------------------------------
# The .map is not shipped, so drop the sourceMappingURL comment too.
mkdir -p static/js
sed -e 's|//# sourceMappingURL=[^ ]*$||' "$PKG/dist/govuk/govuk-frontend.min.js" > "$TMP/govuk-frontend.min.js"
grep -q 'initAll' "$TMP/govuk-frontend.min.js" || die "govuk-frontend.min.js has no initAll"
mv "$TMP/govuk-frontend.min.js" static/js/govuk-frontend.min.js

mkdir -p static/govuk
rm -rf static/govuk/assets
mv "$TMP/assets" static/govuk/assets

echo "build_assets: govuk-frontend $GOVUK_FRONTEND_VERSION, sass $SASS_VERSION"
echo "build_assets: wrote static/css/council.css ($(wc -c < static/css/council.css) bytes), static/js/govuk-frontend.min.js, static/govuk/assets/"
