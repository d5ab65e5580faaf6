// Bundles the scanner page's script (src/Traceability.Api/web/scan.js, which imports @zxing/browser) into
// src/Traceability.Api/wwwroot/lib/scan.bundle.js, so the app serves the barcode reader itself and pages load
// nothing from a CDN. The output is generated (gitignored); scripts/lib.sh `build_web` runs this when an input
// is newer than it. The verification modules in wwwroot/js need no build step.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const api = join(root, 'src/Traceability.Api');

await build({
  entryPoints: [join(api, 'web/scan.js')],
  outfile: join(api, 'wwwroot/lib/scan.bundle.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2020', 'chrome90', 'safari14', 'firefox90'],
  minify: true,
  sourcemap: false,
  // The bundled libraries' license notices (Apache-2.0, MIT) stay with the code.
  legalComments: 'eof',
  logLevel: 'warning',
});
console.log('wrote src/Traceability.Api/wwwroot/lib/scan.bundle.js');
