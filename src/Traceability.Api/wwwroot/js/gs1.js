// GS1 Digital Link as the CBV 2.0 event hash needs it: any Digital Link URI rewritten as the constrained canonical
// Digital Link (https://id.gs1.org/...), percent-encoding, character sets, check digits. A port of
// Traceability.Domain/Gs1 (DigitalLinkCanonicaliser, DigitalLinkEncoding, Gs1Text, Gs1CheckDigit): keep the two in
// step. Functions return null where the C# Try* methods return false. EPC URIs are in epcuri.js.

export const CANONICAL_BASE = 'https://id.gs1.org';

const isAsciiDigit = (c) => c >= '0' && c <= '9';
export const isAsciiLetterOrDigit = (c) => (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

/** Whether every character is an ASCII digit (and there is at least one). */
export function allDigits(text) {
  if (text.length === 0) return false;
  for (const c of text) if (!isAsciiDigit(c)) return false;
  return true;
}

/** GS1 AI encodable character set 82 (General Specifications §7.11); true for an empty string, as in C#. */
export function isCset82(text) {
  for (let i = 0; i < text.length; i++) if (!isCset82Char(text[i])) return false;
  return true;
}

export function isCset82Char(c) {
  return isAsciiLetterOrDigit(c) || '!"%&\'()*+,-./:;<=>?_'.includes(c);
}

export function everyChar(text, allowed) {
  for (let i = 0; i < text.length; i++) if (!allowed(text[i])) return false;
  return true;
}

export function isCset39Char(c) {
  return isAsciiDigit(c) || (c >= 'A' && c <= 'Z') || c === '#' || c === '-' || c === '/';
}

/** The GS1 mod-10 check digit of the digits of a key without its check digit. */
export function checkDigit(digitsWithoutCheck) {
  let sum = 0;
  let weight = 3;
  for (let i = digitsWithoutCheck.length - 1; i >= 0; i--) {
    sum += (digitsWithoutCheck.charCodeAt(i) - 48) * weight;
    weight = 4 - weight;
  }
  return String.fromCharCode(48 + ((10 - (sum % 10)) % 10));
}

// ---- Digital Link percent-encoding (DigitalLinkEncoding.cs has the table and its sources) ----
// Unencoded: A-Z a-z 0-9 - . _ ~ and ' ; = (as GS1's CBV 2.0 hash reference writes them); everything else,
// including ! " # % & ( ) * + , / : < > ? of sets 82 and 39, as %XX of its UTF-8 bytes, upper-case hex.

const HEX = '0123456789ABCDEF';
const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether a character is written as itself in a Digital Link path segment. */
export function staysUnencoded(c) {
  return isAsciiLetterOrDigit(c) || c === '-' || c === '.' || c === '_' || c === '~' || c === "'" || c === ';' || c === '=';
}

const isHigh = (code) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code) => code >= 0xdc00 && code <= 0xdfff;

/** Percent-encodes (UTF-8, upper-case hex) every character that does not stay unencoded. */
export function encodeDigitalLinkValue(value) {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (staysUnencoded(c)) {
      out += c;
      continue;
    }
    const pair = isHigh(value.charCodeAt(i)) && i + 1 < value.length && isLow(value.charCodeAt(i + 1));
    // A lone surrogate encodes as U+FFFD, as .NET's UTF-8 encoder does.
    for (const b of utf8.encode(value.slice(i, i + (pair ? 2 : 1)))) out += '%' + HEX[b >> 4] + HEX[b & 15];
    if (pair) i++;
  }
  return out;
}

/** Decodes %XX escapes as UTF-8; null for a malformed escape or bytes that are not UTF-8. */
export function decodeDigitalLinkValue(segment) {
  if (!segment.includes('%')) return segment;
  const bytes = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '%') {
      if (i + 2 >= segment.length) return null;
      const hi = hexValue(segment[i + 1]);
      const lo = hexValue(segment[i + 2]);
      if (hi < 0 || lo < 0) return null;
      bytes.push((hi << 4) | lo);
      i += 2;
    } else {
      const two = isHigh(segment.charCodeAt(i)) && i + 1 < segment.length;
      for (const b of utf8.encode(segment.slice(i, i + (two ? 2 : 1)))) bytes.push(b);
      if (two) i++;
    }
  }
  try {
    return strictUtf8.decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

export function hexValue(c) {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'A' && c <= 'F') return c.charCodeAt(0) - 55;
  if (c >= 'a' && c <= 'f') return c.charCodeAt(0) - 87;
  return -1;
}

/** ASCII-only case-insensitive prefix test, as .NET's StringComparison.OrdinalIgnoreCase is for these prefixes. */
export function startsWithIgnoreAsciiCase(text, prefix) {
  return text.length >= prefix.length && text.slice(0, prefix.length).replace(/[A-Z]/g, (c) => c.toLowerCase()) === prefix;
}

// ---- Digital Link → constrained canonical Digital Link (CBV 2.0 §8.9 rule 18) ----

const SHORT_NAMES = new Map(Object.entries({
  gtin: '01', itip: '8006', cpid: '8010', gln: '414', party: '417', gsrnp: '8017', gsrn: '8018', gcn: '255',
  sscc: '00', gdti: '253', ginc: '401', gsin: '402', grai: '8003', giai: '8004', cpv: '22', lot: '10', ser: '21',
}));

const PRIMARY_KEYS = new Set(['01', '8006', '8010', '414', '417', '8017', '8018', '255', '00', '253', '401', '402', '8003', '8004']);

const ai = (segment) => SHORT_NAMES.get(segment) ?? segment;

/** The canonical https://id.gs1.org Digital Link of any Digital Link URI; null when it is not one. */
export function canonicaliseDigitalLink(uri) {
  const segments = pathSegments(uri);
  if (segments === null) return null;
  for (let start = 0; start + 1 < segments.length; start++) {
    if (!PRIMARY_KEYS.has(ai(segments[start])) || (segments.length - start) % 2 !== 0 || !startsWithFourDigits(segments[start + 1])) {
      continue;
    }
    return buildCanonical(segments.slice(start));
  }
  return null;
}

function buildCanonical(segments) {
  const key = ai(segments[0]);
  let keyValue = decodeDigitalLinkValue(segments[1]);
  if (keyValue === null) return null;
  const qualifiers = new Map();
  for (let i = 2; i < segments.length; i += 2) {
    const value = decodeDigitalLinkValue(segments[i + 1]);
    const name = ai(segments[i]);
    if (value === null || qualifiers.has(name)) return null;
    qualifiers.set(name, value);
  }

  qualifiers.delete('22'); // the variant is not part of the identity
  if (qualifiers.has('21')) qualifiers.delete('10'); // the serial alone is the finest level
  if (key === '01' && [8, 12, 13].includes(keyValue.length)) keyValue = keyValue.padStart(14, '0');

  if (!isValidKey(key, keyValue)) return null;
  let path = '/' + key + '/' + encodeDigitalLinkValue(keyValue);
  let kept = 0;
  for (const qualifier of qualifierOrder(key)) {
    if (!qualifiers.has(qualifier)) continue;
    const value = qualifiers.get(qualifier);
    qualifiers.delete(qualifier);
    if (!isValidQualifier(qualifier, value)) return null;
    path += '/' + qualifier + '/' + encodeDigitalLinkValue(value);
    kept++;
  }
  return qualifiers.size === 0 && kept <= 1 ? CANONICAL_BASE + path : null;
}

function qualifierOrder(key) {
  switch (key) {
    case '01': return ['10', '21', '235'];
    case '8006': return ['10', '21'];
    case '414': return ['254'];
    case '8010': return ['8011'];
    default: return [];
  }
}

function isValidKey(key, value) {
  switch (key) {
    case '00': case '8006': case '8017': case '8018': return isDigits(value, 18);
    case '01': return isDigits(value, 14);
    case '414': case '417': return isDigits(value, 13);
    case '402': return isDigits(value, 17);
    case '253': return digitsThenText(value, 13, 17, isCset82Char);
    case '255': return digitsThenText(value, 13, 12, isAsciiDigit);
    case '8003': return digitsThenText(value, 14, 16, isCset82Char);
    case '401': case '8004': return value.length > 0 && value.length <= 30 && isCset82(value);
    case '8010': return value.length > 0 && value.length <= 30 && everyChar(value, isCset39Char);
    default: return false;
  }
}

function isValidQualifier(qualifier, value) {
  switch (qualifier) {
    case '10': case '21': case '254': return value.length > 0 && value.length <= 20 && isCset82(value);
    case '235': return value.length > 0 && value.length <= 28 && isCset82(value);
    case '8011': return value.length > 0 && value.length <= 12 && allDigits(value);
    default: return false;
  }
}

const isDigits = (value, length) => value.length === length && allDigits(value);

function digitsThenText(value, digits, maxText, allowed) {
  if (value.length < digits || value.length > digits + maxText || !allDigits(value.slice(0, digits))) return false;
  for (let i = digits; i < value.length; i++) if (!allowed(value[i])) return false;
  return true;
}

const startsWithFourDigits = (segment) => segment.length > 4 && allDigits(segment.slice(0, 4));

function pathSegments(uri) {
  let hostStart;
  if (startsWithIgnoreAsciiCase(uri, 'https://')) hostStart = 8;
  else if (startsWithIgnoreAsciiCase(uri, 'http://')) hostStart = 7;
  else return null;
  let end = uri.length;
  for (let i = hostStart; i < uri.length; i++) {
    if (uri[i] === '?' || uri[i] === '#') { end = i; break; }
  }
  const rest = uri.slice(hostStart, end);
  const slash = rest.indexOf('/');
  if (slash <= 0) return null;
  let path = rest.slice(slash + 1);
  if (path.endsWith('/')) path = path.slice(0, -1);
  const segments = path.split('/');
  return segments.includes('') ? null : segments;
}
