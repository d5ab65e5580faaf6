// Runs the browser modules of src/Traceability.Api/wwwroot/js under Node for the .NET tests (Web/*.cs).
// Usage: node harness.mjs <modules-dir> <command> < input.json > output.json
//   hash     [{ event | eventText, context? }] → [{ id, preHash }]     (eventText: parsed with json.js)
//   merkle   [{ leafDigest, leafIndex, treeSize, auditPath, root }] → [{ ok, computedRoot, reason }]
//   verify   [{ event, proof }] → [{ step, ok, detail }]                (event, proof: JSON text or objects)
//   scan     [text] → [parseScan(text)]
//   chain    { rpcUrl, contract, root } → checkOnChain(...)
//   constants {} → { anchorsSelector }
//   gs1      { values, segments, uris, urns } → { encoded, decoded, canonical, fromUrn } (null where C# says false)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [modulesDir, command] = process.argv.slice(2);
const load = (name) => import(pathToFileURL(join(modulesDir, name)).href);
const input = JSON.parse(readFileSync(0, 'utf8'));

async function run() {
  switch (command) {
    case 'hash': {
      const { computeEventId, preHash } = await load('eventhash.js');
      const { parseJson } = await load('json.js');
      const out = [];
      for (const item of input) {
        const event = item.eventText !== undefined ? parseJson(item.eventText) : item.event;
        const context = item.contextText !== undefined ? parseJson(item.contextText) : item.context ?? null;
        out.push({ id: await computeEventId(event, context), preHash: preHash(event, context) });
      }
      return out;
    }
    case 'merkle': {
      const { verifyInclusion } = await load('merkle.js');
      const out = [];
      for (const p of input) out.push(await verifyInclusion(p.leafDigest, p.leafIndex, p.treeSize, p.auditPath, p.root));
      return out;
    }
    case 'verify': {
      const { verifyEvent } = await load('verify.js');
      const out = [];
      for (const p of input) out.push(await verifyEvent(p.event, p.proof));
      return out;
    }
    case 'scan': {
      const { parseScan } = await load('scanlink.js');
      return input.map(parseScan);
    }
    case 'chain': {
      const { checkOnChain } = await load('verify.js');
      return checkOnChain(input.rpcUrl, input.contract, input.root);
    }
    case 'constants': {
      const { ANCHORS_SELECTOR } = await load('verify.js');
      return { anchorsSelector: ANCHORS_SELECTOR };
    }
    case 'gs1': {
      const { encodeDigitalLinkValue, decodeDigitalLinkValue, canonicaliseDigitalLink } = await load('gs1.js');
      const { epcUriToDigitalLink } = await load('epcuri.js');
      return {
        encoded: input.values.map(encodeDigitalLinkValue),
        decoded: input.segments.map(decodeDigitalLinkValue),
        canonical: input.uris.map(canonicaliseDigitalLink),
        fromUrn: input.urns.map(epcUriToDigitalLink),
      };
    }
    default:
      throw new Error(`unknown command ${command}`);
  }
}

process.stdout.write(JSON.stringify(await run()));
