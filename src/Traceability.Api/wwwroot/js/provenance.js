// The provenance page's verification: every record the page shows is checked on the phone with verify.js (WebCrypto),
// trusting nothing but the bytes in the page. The server renders the records; this script only fills in, for each
// element [data-record="i"], what the check of record i found, and the overall verdict in #verdict.
//
// Input: <script type="application/json" id="provenance-data">
//   { lang, text: { checking, verified, pending, failed, …, reasons: { code: text } },
//     ledger: { kind, chainId, contract, rpcUrl?, network? } | null, records: [ { event, proof } ] }
// On Fabric (ledger.kind "fabric") there is no RPC URL: a browser cannot ask a Fabric peer (signed gRPC from members
// only), so the page checks content and audit path up to the root, and names the channel and transaction.
// Output, for tests and styles:
//   [data-record] data-state = verified | pending | failed, data-code = verify.js detail code
//   #verdict data-state = verified | pending | failed, <html data-verify="done"> when every check has finished.
// A tick (span.tick) is drawn only for a record whose verifyEvent returned ok (and, when the ledger has a public RPC
// URL, whose root the node did not deny); a failure is red and names what failed.

import { checkOnChain, parseJson, verifyEvent } from './verify.js';

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
const short = (hash) => (typeof hash === 'string' && hash.length > 20 ? `${hash.slice(0, 10)}…${hash.slice(-8)}` : String(hash ?? ''));

function show(index, state, code, message, title) {
  for (const element of document.querySelectorAll(`[data-record="${index}"]`)) {
    element.dataset.state = state;
    element.dataset.code = code;
    const mark = state === 'verified' ? '✓' : state === 'pending' ? '⏳' : '✗';
    const icon = document.createElement('span');
    icon.className = state === 'verified' ? 'tick' : state === 'pending' ? 'wait' : 'cross';
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = mark;
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = message;
    if (title) element.title = title;
    element.replaceChildren(icon, text);
  }
}

function verdict(text, state, message) {
  const element = document.getElementById('verdict');
  element.dataset.state = state;
  const icon = state === 'verified' ? '✓ ' : state === 'failed' ? '✗ ' : '';
  element.textContent = icon + message;
}

async function onChain(data, roots, text) {
  // One call per distinct root: a page's records come from a few batches.
  const { rpcUrl, contract } = data.ledger ?? {};
  const answers = new Map();
  if (!rpcUrl || !contract) return answers;
  await Promise.all([...roots].map(async (root) => {
    const signal = typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(10_000) : undefined;
    answers.set(root, await checkOnChain(rpcUrl, contract, root, { signal }));
  }));
  if ([...answers.values()].some((a) => !a.ok)) {
    const note = document.getElementById('chain-note');
    note.textContent = text.chainUnreachable;
    note.hidden = false;
  }
  return answers;
}

async function main() {
  const root = document.documentElement;
  const element = document.getElementById('provenance-data');
  let data;
  try {
    data = parseJson(element.textContent);
  } catch {
    data = null;
  }
  const text = data?.text;
  if (!data || !text || !Array.isArray(data.records)) {
    for (const status of document.querySelectorAll('[data-record]')) {
      status.dataset.state = 'failed';
      status.textContent = '✗';
    }
    verdict(null, 'failed', text?.unreadable ?? 'The records on this page could not be read, so nothing is verified.');
    root.dataset.verify = 'done';
    return;
  }

  const n = data.records.length;
  verdict(text, 'running', fill(text.verdictRunning, { n }));
  const results = await Promise.all(data.records.map(async ({ event, proof }) => {
    try {
      return await verifyEvent(event, proof);
    } catch (e) {
      return { step: 'error', ok: false, detail: { code: 'other', message: String(e) } };
    }
  }));

  const roots = new Set(results.filter((r) => r.ok).map((r) => r.detail.root));
  const chain = await onChain(data, roots, text);

  let verified = 0;
  let pending = 0;
  let failed = 0;
  results.forEach((result, i) => {
    const reason = (code) => text.reasons[code] ?? text.reasons.other;
    if (result.ok) {
      const answer = chain.get(result.detail.root);
      if (answer?.ok && !answer.anchored) {
        failed++;
        show(i, 'failed', 'chain-unknown', fill(text.failed, { reason: reason('chain-unknown') }), result.detail.root);
        return;
      }
      verified++;
      // Where the root is anchored, as the proof says: an EVM transaction hash, or a Fabric channel and transaction id.
      const ledger = result.detail.ledger ?? {};
      const tx = ledger.txHash ?? ledger.txId;
      let message = fill(ledger.kind === 'fabric' ? text.verifiedFabric : text.verified, { block: ledger.blockNumber, tx: short(tx), channel: ledger.channel });
      if (answer?.ok && answer.anchored) message += ` · ${text.chainConfirmed}`;
      show(i, 'verified', result.detail.code, message, tx);
    } else if (result.step === 'pending') {
      pending++;
      show(i, 'pending', result.detail.code, text.pending);
    } else {
      failed++;
      show(i, 'failed', result.detail.code, fill(text.failed, { reason: reason(result.detail.code) }), result.detail.message);
    }
  });

  if (failed > 0) verdict(text, 'failed', fill(text.verdictFailed, { f: failed, n }));
  else if (pending > 0) verdict(text, 'pending', fill(text.verdictPending, { k: verified, n, p: pending }));
  else verdict(text, 'verified', fill(text.verdictAll, { n }));
  root.dataset.verify = 'done';
}

main();
