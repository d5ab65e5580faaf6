// What a scanned code names, as the consumer resolver path /01/{gtin14}/10/{lot}. Understands GS1 Digital Link
// URIs on any host (with a path prefix, short names gtin/lot, other qualifiers), GS1 element strings as barcode
// readers return them (GS1-128, GS1 DataMatrix, GS1 QR: AIs run together, variable-length values ended by the
// GS character, an optional symbology identifier such as "]d2"), the bracketed human-readable form
// "(01)…(10)…", and a bare GTIN (EAN/UPC), which names a product but no lot.
//
// parseScan(text) → { ok: true, gtin, lot, path } | { ok: false, code, gtin? }
//   code: 'empty' | 'no-lot' | 'bad-gtin' | 'bad-lot' | 'not-gs1'

import { allDigits, checkDigit, decodeDigitalLinkValue, encodeDigitalLinkValue, isCset82, startsWithIgnoreAsciiCase } from './gs1.js';

const GS = '\u001d';

/** The resolver path for a scanned code, or why there is none. */
export function parseScan(text) {
  const scanned = (text ?? '').trim();
  if (scanned.length === 0) return { ok: false, code: 'empty' };
  if (startsWithIgnoreAsciiCase(scanned, 'http://') || startsWithIgnoreAsciiCase(scanned, 'https://') || scanned.startsWith('/')) {
    return fromDigitalLink(scanned);
  }
  if (/^[0-9]+$/.test(scanned) && [8, 12, 13, 14].includes(scanned.length)) {
    const gtin = scanned.padStart(14, '0');
    return isValidGtin(gtin) ? { ok: false, code: 'no-lot', gtin } : { ok: false, code: 'bad-gtin' };
  }
  const elements = elementString(scanned);
  return elements === null ? { ok: false, code: 'not-gs1' } : fromKeyAndLot(elements.get('01'), elements.get('10'));
}

function isValidGtin(gtin) {
  return gtin.length === 14 && allDigits(gtin) && checkDigit(gtin.slice(0, 13)) === gtin[13];
}

function fromKeyAndLot(gtinText, lot) {
  if (gtinText === undefined) return { ok: false, code: 'not-gs1' };
  const gtin = allDigits(gtinText) && [8, 12, 13, 14].includes(gtinText.length) ? gtinText.padStart(14, '0') : gtinText;
  if (!isValidGtin(gtin)) return { ok: false, code: 'bad-gtin' };
  if (lot === undefined) return { ok: false, code: 'no-lot', gtin };
  if (lot.length === 0 || lot.length > 20 || !isCset82(lot)) return { ok: false, code: 'bad-lot', gtin };
  return { ok: true, gtin, lot, path: `/01/${gtin}/10/${encodeDigitalLinkValue(lot)}` };
}

// ---- GS1 Digital Link ----

const PATH_NAMES = new Map([['gtin', '01'], ['lot', '10'], ['ser', '21'], ['cpv', '22']]);

function fromDigitalLink(uri) {
  let path = uri;
  const scheme = uri.indexOf('://');
  if (scheme >= 0) {
    const slash = uri.indexOf('/', scheme + 3);
    path = slash < 0 ? '' : uri.slice(slash);
  }
  const end = path.search(/[?#]/);
  if (end >= 0) path = path.slice(0, end);
  const segments = path.split('/').filter((s) => s.length > 0);
  const keyAt = segments.findIndex((s) => s === '01' || s === 'gtin');
  if (keyAt < 0 || keyAt + 1 >= segments.length) return { ok: false, code: 'not-gs1' };
  const values = new Map();
  for (let i = keyAt; i + 1 < segments.length; i += 2) {
    const value = decodeDigitalLinkValue(segments[i + 1]);
    if (value === null) return { ok: false, code: 'not-gs1' };
    values.set(PATH_NAMES.get(segments[i]) ?? segments[i], value);
  }
  return fromKeyAndLot(values.get('01'), values.get('10'));
}

// ---- GS1 element strings ----

// Total length (AI + value) of the AIs whose length is fixed by their first two digits (GS1 General
// Specifications, "element strings with predefined length"); all others end at a GS or at the end.
const PREDEFINED_LENGTH = new Map([
  ['00', 20], ['01', 16], ['02', 16], ['03', 16], ['04', 18], ['11', 8], ['12', 8], ['13', 8], ['14', 8], ['15', 8],
  ['16', 8], ['17', 8], ['18', 8], ['19', 8], ['20', 4], ['31', 10], ['32', 10], ['33', 10], ['34', 10], ['35', 10],
  ['36', 10], ['41', 16],
]);

/** How many digits the AI starting with these two digits has. */
function aiLength(firstTwo) {
  const n = Number(firstTwo);
  if (n <= 22 || n === 30 || n === 37 || n >= 90) return 2;
  if ((n >= 23 && n <= 25) || (n >= 40 && n <= 42)) return 3;
  if ((n >= 31 && n <= 36) || n === 39 || n === 43 || (n >= 70 && n <= 72) || (n >= 80 && n <= 82)) return 4;
  return 0;
}

/** AI → value of an element string, or null when it is not one. */
function elementString(text) {
  let s = text.replace(/^\][A-Za-z][0-9A-Za-z]/, ''); // symbology identifier: ]C1, ]d2, ]Q3, ]e0 …
  if (s.startsWith('(')) return bracketed(s);
  while (s.startsWith(GS)) s = s.slice(1);
  const elements = new Map();
  let at = 0;
  while (at < s.length) {
    if (s[at] === GS) {
      at++;
      continue;
    }
    const firstTwo = s.slice(at, at + 2);
    if (!/^[0-9]{2}$/.test(firstTwo)) return null;
    const length = aiLength(firstTwo);
    if (length === 0 || !/^[0-9]+$/.test(s.slice(at, at + length)) || at + length > s.length) return null;
    const ai = s.slice(at, at + length);
    let end;
    if (PREDEFINED_LENGTH.has(firstTwo)) {
      end = at + PREDEFINED_LENGTH.get(firstTwo);
      if (end > s.length) return null;
    } else {
      end = s.indexOf(GS, at + length);
      if (end < 0) end = s.length;
    }
    const value = s.slice(at + length, end);
    if (value.length === 0 || elements.has(ai)) return null;
    elements.set(ai, value);
    at = end;
  }
  return elements.size > 0 ? elements : null;
}

function bracketed(text) {
  const elements = new Map();
  const pattern = /\(([0-9]{2,4})\)([^(]*)/y;
  let at = 0;
  while (at < text.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (match === null || match[2].length === 0 || elements.has(match[1])) return null;
    elements.set(match[1], match[2].replace(new RegExp(GS, 'g'), ''));
    at = pattern.lastIndex;
  }
  return elements.size > 0 ? elements : null;
}
