#!/usr/bin/env node
// A small Hyperledger Fabric 2.5 network without Docker, from the binaries in FABRIC_BIN:
//   node network/fabric/network.mjs start [--data-dir DIR]   create (first time) or restart the network
//   node network/fabric/network.mjs stop  [--data-dir DIR] [name…]   stop every process (or the named ones) by PID
// One Raft orderer (channel participation API), one peer for Org1 and Org2 each, member organisations Org3…
// without a peer (FABRIC_MEMBER_ORGS of them, default 16), all with TLS on 127.0.0.1; the channel `trace`; the TraceRegistry chaincode (contracts/fabric) as a service.
// Writes DIR/network.json for clients and DIR/state.json (ports, PIDs) for itself. The layout (crypto-config,
// configtx, per-process environment) is in lib/layout.mjs, process and port handling in lib/processes.mjs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CHANNEL, CHAINCODE, CHAINCODE_VERSION, CONSORTIUM_ADMIN_MSP, PEER_ORGS,
  adminCliEnv, organisationsOf, configtx, cryptoConfig, cryptoPaths, ordererEnv, peerEnv, tunables,
} from './lib/layout.mjs';
import { ExitedEarly, alive, cleanEnv, freePorts, launch, retry, run, sleep, stopPid, waitForPort } from './lib/processes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const log = (message) => process.stderr.write(`fabric: ${message}\n`);

function fabricBin() {
  const candidates = [process.env.FABRIC_BIN, path.resolve(repoRoot, '..', 'shared', 'fabric', 'bin')].filter(Boolean);
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'peer')));
  if (!found) throw new Error('no Fabric binaries: set FABRIC_BIN to a folder holding peer, orderer, osnadmin, configtxgen and cryptogen');
  const config = process.env.FABRIC_CONFIG || path.resolve(found, '..', 'config');
  if (!fs.existsSync(path.join(config, 'core.yaml'))) throw new Error(`no core.yaml in ${config}: set FABRIC_CONFIG to Fabric's sample config folder`);
  return { bin: found, config };
}

const readJson = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);
const writeJson = (file, value) => {
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(value, null, 2) + '\n');
  fs.renameSync(`${file}.tmp`, file);
};

async function pickPorts() {
  const [listen, admin, operations, chaincode, ...rest] = await freePorts(4 + PEER_ORGS.length * 3);
  const peers = Object.fromEntries(PEER_ORGS.map((o, i) => [o.mspId,
    { listen: rest[3 * i], chaincode: rest[3 * i + 1], operations: rest[3 * i + 2] }]));
  return { orderer: { listen, admin, operations }, peers, chaincodeServer: chaincode };
}

/** The copied sample configuration, patched: no Docker endpoint, so peers never look for a daemon. */
function writeConfig(dataDir, fabric) {
  const peerDir = path.join(dataDir, 'config', 'peer');
  const ordererDir = path.join(dataDir, 'config', 'orderer');
  fs.mkdirSync(peerDir, { recursive: true });
  fs.mkdirSync(ordererDir, { recursive: true });
  const core = fs.readFileSync(path.join(fabric.config, 'core.yaml'), 'utf8')
    .replace(/^(\s+endpoint:) unix:\/\/\/var\/run\/docker\.sock\s*$/m, '$1');
  fs.writeFileSync(path.join(peerDir, 'core.yaml'), core);
  fs.copyFileSync(path.join(fabric.config, 'orderer.yaml'), path.join(ordererDir, 'orderer.yaml'));
}

/** A chaincode-as-a-service package (metadata.json + code.tar.gz holding connection.json) and its package id. */
async function packageChaincode(dataDir, ports) {
  const dir = path.join(dataDir, 'chaincode');
  fs.mkdirSync(dir, { recursive: true });
  const label = `${CHAINCODE}_${CHAINCODE_VERSION}`;
  fs.writeFileSync(path.join(dir, 'connection.json'), JSON.stringify({
    address: `127.0.0.1:${ports.chaincodeServer}`, dial_timeout: '10s', tls_required: false,
  }));
  fs.writeFileSync(path.join(dir, 'metadata.json'), JSON.stringify({ type: 'ccaas', label }));
  await run('tar', ['-C', dir, '-czf', path.join(dir, 'code.tar.gz'), 'connection.json']);
  const pkg = path.join(dir, `${label}.tar.gz`);
  await run('tar', ['-C', dir, '-czf', pkg, 'metadata.json', 'code.tar.gz']);
  const hash = crypto.createHash('sha256').update(fs.readFileSync(pkg)).digest('hex');
  return { file: pkg, packageId: `${label}:${hash}` };
}

/** Starts every process of the network that is not running; returns after each listens. */
async function launchAll(dataDir, fabric, state) {
  const logs = path.join(dataDir, 'logs');
  const base = cleanEnv({ FABRIC_LOGGING_SPEC: process.env.FABRIC_LOGGING_SPEC || 'info' });
  const want = [
    { name: 'orderer', program: 'orderer', command: path.join(fabric.bin, 'orderer'), args: [],
      env: { ...base, ...ordererEnv(dataDir, state.ports) }, ports: [state.ports.orderer.listen, state.ports.orderer.admin] },
    ...PEER_ORGS.map((o) => ({ name: `peer0.${o.domain}`, program: 'peer', command: path.join(fabric.bin, 'peer'), args: ['node', 'start'],
      env: { ...base, ...peerEnv(dataDir, state.ports, o, path.join(here, 'builders', 'ccaas')) }, ports: [state.ports.peers[o.mspId].listen] })),
  ];
  if (state.packageId) {
    want.push({ name: 'chaincode', program: 'fabric-shim', command: process.execPath,
      args: [path.join(repoRoot, 'node_modules', 'fabric-shim', 'cli.js'), 'server',
        `--chaincode-address=127.0.0.1:${state.ports.chaincodeServer}`, `--chaincode-id=${state.packageId}`,
        `--module-path=${path.join(repoRoot, 'contracts', 'fabric')}`],
      env: { ...base, CORE_CHAINCODE_LOGGING_LEVEL: 'warning' }, ports: [state.ports.chaincodeServer] });
  }
  for (const p of want) {
    if (alive(state.pids[p.name], p.program)) continue;
    state.pids[p.name] = launch(p.command, p.args, { env: p.env, cwd: dataDir, logFile: path.join(logs, `${p.name}.log`) });
    state.programs[p.name] = p.program;
    writeJson(path.join(dataDir, 'state.json'), state);
  }
  for (const p of want) for (const port of p.ports) await waitForPort(port, state.pids[p.name], p.program);
}

/** Waits until every peer's gossip knows the other peers of the channel (read from its Prometheus metrics). */
async function waitForGossip(state) {
  const others = PEER_ORGS.length - 1;
  for (const o of PEER_ORGS) {
    await retry(`gossip of peer0.${o.domain}`, async () => {
      const metrics = await (await fetch(`http://127.0.0.1:${state.ports.peers[o.mspId].operations}/metrics`)).text();
      const line = metrics.split('\n').find((l) => l.startsWith('gossip_membership_total_peers_known') && l.includes(`channel="${CHANNEL}"`));
      const known = line ? Number(line.split(' ').pop()) : 0;
      if (known < others) throw new Error(`knows ${known} of ${others} other peers`);
    }, { attempts: 120, delayMs: 500 });
  }
}

async function createNetwork(dataDir, fabric) {
  const state = { ports: await pickPorts(), pids: {}, programs: {}, packageId: null, tunables: tunables(process.env) };
  const bin = (name) => path.join(fabric.bin, name);
  const p = cryptoPaths(dataDir);
  writeConfig(dataDir, fabric);
  writeJson(path.join(dataDir, 'state.json'), state);

  log('generating certificates and the channel genesis block');
  fs.writeFileSync(path.join(dataDir, 'crypto-config.yaml'), cryptoConfig(organisationsOf(state)));
  await run(bin('cryptogen'), ['generate', `--config=${path.join(dataDir, 'crypto-config.yaml')}`, `--output=${path.join(dataDir, 'crypto')}`]);
  const txDir = path.join(dataDir, 'configtx');
  fs.mkdirSync(txDir, { recursive: true });
  fs.writeFileSync(path.join(txDir, 'configtx.yaml'), configtx(dataDir, state.ports, state.tunables));
  const genesis = path.join(txDir, `${CHANNEL}.block`);
  await run(bin('configtxgen'), ['-profile', 'TraceChannel', '-outputBlock', genesis, '-channelID', CHANNEL], { env: cleanEnv({ FABRIC_CFG_PATH: txDir }) });

  log(`starting the orderer on 127.0.0.1:${state.ports.orderer.listen} and the peers`);
  await launchAll(dataDir, fabric, state);

  const admin = p.ordererAdminTls;
  await retry('osnadmin channel join', () => run(bin('osnadmin'), ['channel', 'join', '--channelID', CHANNEL, '--config-block', genesis,
    '-o', `127.0.0.1:${state.ports.orderer.admin}`, '--ca-file', p.ordererTlsCaFile,
    '--client-cert', path.join(admin, 'client.crt'), '--client-key', path.join(admin, 'client.key')]));
  const cli = (org) => cleanEnv(adminCliEnv(dataDir, state.ports, org));
  for (const o of PEER_ORGS) {
    await retry(`peer0.${o.domain} joins ${CHANNEL}`, () => run(bin('peer'), ['channel', 'join', '-b', genesis], { env: cli(o) }));
  }

  log('deploying the chaincode as a service');
  const pkg = await packageChaincode(dataDir, state.ports);
  for (const o of PEER_ORGS) {
    await retry(`install on peer0.${o.domain}`, () => run(bin('peer'), ['lifecycle', 'chaincode', 'install', pkg.file], { env: cli(o) }), { attempts: 5 });
  }
  state.packageId = pkg.packageId;
  writeJson(path.join(dataDir, 'state.json'), state);
  await launchAll(dataDir, fabric, state);

  const orderer = ['-o', `127.0.0.1:${state.ports.orderer.listen}`, '--tls', '--cafile', p.ordererTlsCaFile];
  const definition = ['--channelID', CHANNEL, '--name', CHAINCODE, '--version', CHAINCODE_VERSION, '--sequence', '1', '--init-required'];
  const endorsers = PEER_ORGS.flatMap((o) => ['--peerAddresses', `127.0.0.1:${state.ports.peers[o.mspId].listen}`, '--tlsRootCertFiles', p.orgs[o.mspId].tlsCaFile]);
  for (const o of PEER_ORGS) {
    await retry(`approve for ${o.mspId}`, () => run(bin('peer'), ['lifecycle', 'chaincode', 'approveformyorg', ...orderer, ...definition, '--package-id', pkg.packageId], { env: cli(o) }), { attempts: 10 });
  }
  const adminOrg = PEER_ORGS.find((o) => o.mspId === CONSORTIUM_ADMIN_MSP);
  await retry('commit the chaincode definition', () => run(bin('peer'), ['lifecycle', 'chaincode', 'commit', ...orderer, ...definition, ...endorsers], { env: cli(adminOrg) }), { attempts: 10 });
  log(`bootstrapping the registry: ${CONSORTIUM_ADMIN_MSP} becomes its first admin`);
  await retry('init transaction', () => run(bin('peer'), ['chaincode', 'invoke', ...orderer, '-C', CHANNEL, '-n', CHAINCODE, '--isInit',
    '-c', '{"function":"Bootstrap","Args":[]}', '--waitForEvent', ...endorsers], { env: cli(adminOrg) }), { attempts: 10 });
  return state;
}

/** What a Fabric client needs to check the ledger independently. */
function networkDescription(dataDir, state) {
  const orgs = organisationsOf(state);
  const p = cryptoPaths(dataDir, orgs);
  // A member without a peer reaches the ledger through the consortium admin's peer, signing as itself.
  const gatewayOf = (o) => (o.peers > 0 ? o : PEER_ORGS[0]);
  return {
    channel: CHANNEL,
    chaincode: CHAINCODE,
    consortiumAdmin: CONSORTIUM_ADMIN_MSP,
    orderer: { endpoint: `127.0.0.1:${state.ports.orderer.listen}`, tlsCaFile: p.ordererTlsCaFile },
    organisations: orgs.map((o) => {
      const g = gatewayOf(o);
      return {
        mspId: o.mspId,
        hasPeer: o.peers > 0,
        peerEndpoint: `127.0.0.1:${state.ports.peers[g.mspId].listen}`,
        peerHostName: p.orgs[g.mspId].peerHost,
        tlsCaFile: p.orgs[g.mspId].tlsCaFile,
        admin: { certificateFile: p.orgs[o.mspId].admin.certificateFile, privateKeyFile: p.orgs[o.mspId].admin.privateKeyFile },
        user: { certificateFile: p.orgs[o.mspId].user.certificateFile, privateKeyFile: p.orgs[o.mspId].user.privateKeyFile },
      };
    }),
  };
}

async function stop(dataDir, names) {
  const state = readJson(path.join(dataDir, 'state.json'));
  if (!state) return;
  const order = ['chaincode', ...PEER_ORGS.map((o) => `peer0.${o.domain}`), 'orderer'].filter((n) => names.length === 0 || names.includes(n));
  await Promise.all(order.map((n) => stopPid(state.pids[n], state.programs[n])));
  for (const n of order) delete state.pids[n];
  writeJson(path.join(dataDir, 'state.json'), state);
}

async function start(dataDir) {
  const fabric = fabricBin();
  fs.mkdirSync(dataDir, { recursive: true });
  const existing = readJson(path.join(dataDir, 'state.json'));
  let state;
  if (existing?.packageId && fs.existsSync(path.join(dataDir, 'network.json'))) {
    log(`restarting the network in ${dataDir}`);
    state = existing;
    await launchAll(dataDir, fabric, state);
  } else {
    if (existing) {
      // An earlier start of ours stopped part-way: clear it (state.json marks the folder as this script's).
      log(`clearing the unfinished network in ${dataDir}`);
      await stop(dataDir, []);
      for (const entry of fs.readdirSync(dataDir)) fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
    }
    for (let attempt = 1; ; attempt++) {
      try {
        state = await createNetwork(dataDir, fabric);
        break;
      } catch (error) {
        // A port taken between choosing and binding makes a node exit: start over with new ports.
        await stop(dataDir, []);
        if (!(error instanceof ExitedEarly) || attempt >= 3) throw error;
        log(`${error.message}; starting again with other ports`);
        for (const entry of fs.readdirSync(dataDir)) fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
      }
    }
  }
  await waitForGossip(state);
  writeJson(path.join(dataDir, 'network.json'), networkDescription(dataDir, state));
  log(`ready: channel ${CHANNEL}, chaincode ${CHAINCODE}; ${path.join(dataDir, 'network.json')}`);
  return state;
}

const [command = 'help', ...rest] = process.argv.slice(2);
const dirFlag = rest.indexOf('--data-dir');
const dataDir = path.resolve(dirFlag >= 0 ? rest[dirFlag + 1] : path.join(process.env.TRACE_DATA_DIR || path.join(repoRoot, '.trace'), 'fabric'));
const names = rest.filter((_, i) => i !== dirFlag && i !== dirFlag + 1);
try {
  if (command === 'start') {
    const state = await start(dataDir);
    process.stdout.write(`${JSON.stringify({ networkJson: path.join(dataDir, 'network.json'), pids: state.pids })}\n`);
  } else if (command === 'stop') {
    await stop(dataDir, names);
  } else {
    process.stderr.write('usage: network.mjs start|stop [--data-dir DIR] [orderer|peer0.org1.example.com|peer0.org2.example.com|chaincode…]\n');
    process.exitCode = command === 'help' ? 0 : 2;
  }
} catch (error) {
  log(error.message);
  process.exitCode = 1;
}
// Let go of anything still pending (fetch keep-alive sockets): the network runs on without this script.
setTimeout(() => process.exit(), 50).unref();
