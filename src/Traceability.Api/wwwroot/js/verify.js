// Client-side verification of one event against its anchoring proof: no trust in the server beyond the bytes it
// sends. Plain ES module, no dependencies beyond its siblings; works in browsers and in Node 20+.
//
// Stable API (the provenance page and outside verifiers rely on it; extend, do not change):
//
//   verifyEvent(event, proof) → Promise<{ step, ok, detail }>
//     event: the event as served by GET /events/{id} — the parsed object, or the response text (preferred: number
//            literals beyond the double range then hash exactly as the server hashed them).
//     proof: the body of GET /events/{id}/proof (API.md "Proofs"), parsed or as text.
//     step:  'hash'    the content does not hash to the id the event and the proof name (ok false);
//            'pending' the content hashes to its id, but the event is not anchored yet (ok false);
//            'path'    the audit path does not lead to the proof's root, or the proof is malformed (ok false);
//            'ok'      content, id and inclusion in the anchored root all hold (ok true).
//     detail: { code, message, computedId, eventId?, proofEventId?, computedRoot?, root?, leafIndex?, treeSize?,
//               ledger? } — `code` is stable and meant for translated texts: 'verified', 'pending',
//               'content-mismatch' (event.eventID differs from the recomputed id), 'proof-mismatch' (the proof is for
//               another id), 'malformed-event', 'malformed-proof', 'unknown-status', or a merkle.js reason
//               ('index-out-of-range', 'malformed-hash', 'path-too-long', 'path-too-short', 'root-mismatch',
//               'malformed-root'). `message` is English, for logs and developers.
//
//   checkOnChain(rpcUrl, contract, root) → Promise<{ ok, anchored, org, timestamp, eventCount, error }>
//     Calls the registry's anchors(bytes32) view through JSON-RPC eth_call. ok: the call answered and decoded;
//     anchored: some organisation anchored this root; org: '0x…' account, timestamp: block time in seconds,
//     eventCount: leaves in the anchored tree; error: a message when ok is false. Pages under the default
//     Content-Security-Policy (connect-src 'self') can reach only a same-origin RPC URL.
//
// Also re-exported for pages: computeEventId, preHash (eventhash.js), verifyInclusion (merkle.js), parseJson (json.js).

import { computeEventId, eventIdDigest, preHash } from './eventhash.js';
import { parseJson } from './json.js';
import { bytesToHex, hexToBytes, verifyInclusion } from './merkle.js';

export { computeEventId, preHash, verifyInclusion, parseJson };

/** First 4 bytes of keccak256("anchors(bytes32)"), computed with Traceability.Ledger's AbiFunction (a test checks it). */
export const ANCHORS_SELECTOR = '0xb01b6d53';

const result = (step, ok, code, message, more = {}) => ({ step, ok, detail: { code, message, ...more } });

/** Recomputes the event's id from its content, checks the ids agree, and walks the audit path to the root. */
export async function verifyEvent(event, proof) {
  let evt;
  let prf;
  try {
    evt = typeof event === 'string' ? parseJson(event) : event;
  } catch (e) {
    return result('hash', false, 'malformed-event', `the event is not JSON: ${e.message}`, { computedId: null });
  }
  try {
    prf = typeof proof === 'string' ? JSON.parse(proof) : proof;
  } catch (e) {
    return result('path', false, 'malformed-proof', `the proof is not JSON: ${e.message}`, { computedId: null });
  }
  if (evt === null || typeof evt !== 'object' || Array.isArray(evt)) {
    return result('hash', false, 'malformed-event', 'the event is not a JSON object', { computedId: null });
  }
  if (prf === null || typeof prf !== 'object' || Array.isArray(prf)) {
    return result('path', false, 'malformed-proof', 'the proof is not a JSON object', { computedId: null });
  }

  const computedId = await computeEventId(evt);
  const eventId = Object.hasOwn(evt, 'eventID') ? evt.eventID : undefined;
  const proofEventId = prf.eventId;
  const ids = { computedId, eventId, proofEventId };
  if (eventId !== computedId) {
    return result('hash', false, 'content-mismatch',
      `the event's content hashes to ${computedId}, but it calls itself ${eventId ?? '(no eventID)'}`, ids);
  }
  if (proofEventId !== computedId) {
    return result('hash', false, 'proof-mismatch', `the proof is for ${proofEventId ?? '(no eventId)'}, not ${computedId}`, ids);
  }

  if (prf.status === 'pending') {
    return result('pending', false, 'pending', 'the content matches its id; the event is not anchored on the ledger yet', ids);
  }
  if (prf.status !== 'anchored') {
    return result('path', false, 'unknown-status', `proof status ${JSON.stringify(prf.status)} is neither pending nor anchored`, ids);
  }

  const position = { leafIndex: prf.leafIndex, treeSize: prf.treeSize, root: prf.root, ledger: prf.ledger };
  if (!Array.isArray(prf.auditPath) || typeof prf.root !== 'string') {
    return result('path', false, 'malformed-proof', 'the proof has no auditPath list or no root', { ...ids, ...position });
  }
  const inclusion = await verifyInclusion(eventIdDigest(computedId), prf.leafIndex, prf.treeSize, prf.auditPath, prf.root);
  const walked = { ...ids, ...position, computedRoot: inclusion.computedRoot };
  if (!inclusion.ok) {
    return result('path', false, inclusion.reason, pathMessage(inclusion, prf), walked);
  }
  return result('ok', true, 'verified', `the event is leaf ${prf.leafIndex} of the ${prf.treeSize}-leaf tree with root ${prf.root}`, walked);
}

function pathMessage(inclusion, proof) {
  switch (inclusion.reason) {
    case 'root-mismatch':
      return `the audit path leads to ${inclusion.computedRoot}, not to the anchored root ${proof.root}`;
    case 'index-out-of-range':
      return `leaf index ${proof.leafIndex} is not within a tree of ${proof.treeSize} leaves`;
    case 'path-too-long':
    case 'path-too-short':
      return `the audit path has ${inclusion.reason === 'path-too-long' ? 'more' : 'fewer'} hashes than leaf ${proof.leafIndex} of a ${proof.treeSize}-leaf tree needs`;
    case 'malformed-root':
      return 'the root is not 32 bytes of hex';
    default:
      return 'an audit path element is not 32 bytes of hex';
  }
}

/** Asks the registry contract whether `root` is anchored: anchors(bytes32) → (address org, uint64 timestamp, uint32 eventCount). */
export async function checkOnChain(rpcUrl, contract, root, { fetch: fetchImpl = globalThis.fetch, signal } = {}) {
  const fail = (error) => ({ ok: false, anchored: false, org: null, timestamp: null, eventCount: null, error });
  const rootBytes = hexToBytes(root);
  if (rootBytes === null || rootBytes.length !== 32) return fail('the root is not 32 bytes of hex');
  if (typeof contract !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(contract)) return fail('the contract is not a 20-byte 0x address');
  const call = { to: contract, data: ANCHORS_SELECTOR + bytesToHex(rootBytes).slice(2) };
  let reply;
  try {
    const response = await fetchImpl(rpcUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_call', params: [call, 'latest'] }),
      signal,
    });
    if (!response.ok) return fail(`the RPC endpoint answered HTTP ${response.status}`);
    reply = await response.json();
  } catch (e) {
    return fail(`the RPC endpoint could not be reached: ${e.message}`);
  }
  if (reply?.error) return fail(`eth_call failed: ${reply.error.message ?? JSON.stringify(reply.error)}`);
  const words = hexToBytes(reply?.result ?? '');
  if (words === null || words.length < 96) return fail('eth_call returned fewer than three ABI words');
  const word = (i) => words.subarray(32 * i, 32 * i + 32);
  const uint = (w, bytes) => {
    if (w.subarray(0, 32 - bytes).some((b) => b !== 0)) return null;
    return w.subarray(32 - bytes).reduce((n, b) => n * 256n + BigInt(b), 0n);
  };
  const orgWord = word(0);
  const timestamp = uint(word(1), 8);
  const eventCount = uint(word(2), 4);
  if (orgWord.subarray(0, 12).some((b) => b !== 0) || timestamp === null || eventCount === null) {
    return fail('eth_call returned words that are not an address, a uint64 and a uint32');
  }
  const org = bytesToHex(orgWord.subarray(12));
  return {
    ok: true,
    anchored: org !== '0x' + '0'.repeat(40),
    org,
    timestamp: Number(timestamp),
    eventCount: Number(eventCount),
    error: null,
  };
}
