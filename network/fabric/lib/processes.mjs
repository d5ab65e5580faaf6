// Child processes and ports: run a command to completion, launch a long-running node detached with its
// output in a log file, find free loopback ports, wait for a port to accept connections, stop by PID.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The environment without any Fabric settings inherited from the caller's shell. */
export function cleanEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env)
    .filter(([k]) => !/^(CORE_|ORDERER_|FABRIC_CFG_PATH$|CHAINCODE_)/.test(k)));
  return { ...env, ...extra };
}

/** Runs a command to completion; rejects with its output when it exits non-zero or exceeds timeoutMs. */
export function run(command, args, { env = cleanEnv(), cwd, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`${path.basename(command)} ${args.slice(0, 3).join(' ')} failed (${signal ?? code}):\n${stderr || stdout}`));
    });
  });
}

/** Calls fn until it succeeds, at most `attempts` times, `delayMs` apart; rethrows the last error. */
export async function retry(what, fn, { attempts = 30, delayMs = 1000 } = {}) {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      if (i >= attempts) throw new Error(`${what}: gave up after ${attempts} attempts: ${error.message}`);
      await sleep(delayMs);
    }
  }
}

/** Starts a long-running process in its own session, output appended to logFile; returns its PID. */
export function launch(command, args, { env, cwd, logFile }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { env, cwd, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  child.unref();
  return child.pid;
}

/** True while pid runs the program named `program` (so a reused PID is not mistaken for ours). */
export function alive(pid, program) {
  if (!pid) return false;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return cmdline.includes(program) && !/\) Z /.test(stat);
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL if the process still runs after graceMs. */
export async function stopPid(pid, program, graceMs = 10_000) {
  if (!alive(pid, program)) return;
  try { process.kill(pid, 'SIGTERM'); } catch { return; }
  const deadline = Date.now() + graceMs;
  while (alive(pid, program) && Date.now() < deadline) await sleep(100);
  if (alive(pid, program)) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
}

function canBind(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * `count` distinct ports that nothing listens on now, drawn at random below Linux's ephemeral range
 * (32768+), so outgoing connections never hold them. Another process may still take one before the node
 * binds it: the caller then sees that node exit and starts again with new ports.
 */
export async function freePorts(count) {
  const ports = new Set();
  while (ports.size < count) {
    const candidate = 20000 + Math.floor(Math.random() * 12000);
    if (!ports.has(candidate) && await canBind(candidate)) ports.add(candidate);
  }
  return [...ports];
}

/** Waits until 127.0.0.1:port accepts a TCP connection; fails at once if the process exits. */
export async function waitForPort(port, pid, program, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (true) {
    if (!alive(pid, program)) throw new ExitedEarly(`${program} (pid ${pid}) exited before listening on ${port}`);
    const open = await new Promise((resolve) => {
      const socket = net.connect({ port, host: '127.0.0.1' });
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await sleep(100);
  }
}

export class ExitedEarly extends Error {}
