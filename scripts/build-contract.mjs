// Compiles contracts/evm/TraceRegistry.sol with the pinned solc-js and writes the artifact the
// C# ledger client embeds. `--check` compiles and fails when the committed artifact differs.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const solc = require('solc');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourcePath = join(root, 'contracts/evm/TraceRegistry.sol');
const artifactPath = join(root, 'contracts/evm/TraceRegistry.json');
const source = readFileSync(sourcePath, 'utf8');

const input = {
  language: 'Solidity',
  sources: { 'TraceRegistry.sol': { content: source } },
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'cancun',
    // No metadata hash: the bytecode then depends only on source and settings.
    metadata: { bytecodeHash: 'none', appendCBOR: false },
    outputSelection: { '*': { TraceRegistry: ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
for (const e of output.errors ?? []) console.error(e.formattedMessage);
if (errors.length > 0) process.exit(1);

const compiled = output.contracts['TraceRegistry.sol'].TraceRegistry;
const artifact = {
  contractName: 'TraceRegistry',
  compiler: `solc-js ${solc.version()}`,
  settings: { optimizer: input.settings.optimizer, evmVersion: input.settings.evmVersion },
  sourceSha256: createHash('sha256').update(readFileSync(sourcePath)).digest('hex'),
  abi: compiled.abi,
  bytecode: '0x' + compiled.evm.bytecode.object,
  deployedBytecode: '0x' + compiled.evm.deployedBytecode.object,
};
const text = JSON.stringify(artifact, null, 2) + '\n';

if (process.argv.includes('--check')) {
  const committed = existsSync(artifactPath) ? readFileSync(artifactPath, 'utf8') : '';
  if (committed !== text) {
    console.error('contracts/evm/TraceRegistry.json is stale: run `node scripts/build-contract.mjs`.');
    process.exit(1);
  }
  console.log('contracts/evm/TraceRegistry.json is up to date.');
} else {
  writeFileSync(artifactPath, text);
  console.log(`wrote ${artifactPath} (${artifact.compiler}, source sha256 ${artifact.sourceSha256})`);
}
