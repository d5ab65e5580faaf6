// Bundles the scanner page's script (src/Traceability.Api/web/scan.js, which imports @zxing/browser) into
// src/Traceability.Api/wwwroot/lib/scan.bundle.js, so the app serves the barcode reader itself and pages load
// nothing from a CDN. The output is generated (gitignored); scripts/lib.sh `build_web` runs this when an input
// is newer than it. The verification modules in wwwroot/js need no build step.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const api = join(root, 'src/Traceability.Api');

const bundles = [
  ['web/scan.js', 'wwwroot/lib/scan.bundle.js', ['es2020', 'chrome90', 'safari14', 'firefox90']],
  // The console: its screens, cytoscape with the dagre layout and SVG export, and the scanner's reader.
  ['web/console/main.js', 'wwwroot/lib/console.bundle.js', ['es2022', 'chrome100', 'safari16', 'firefox100']],
];
for (const [entry, out, target] of bundles) await build({
  entryPoints: [join(api, entry)],
  outfile: join(api, out),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target,
  minify: true,
  sourcemap: false,
  // The bundled libraries' license notices (Apache-2.0, MIT) stay with the code.
  legalComments: 'eof',
  logLevel: 'warning',
});
console.log('wrote ' + bundles.map((b) => b[1]).join(', '));
