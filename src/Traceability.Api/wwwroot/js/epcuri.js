// EPC URIs (EPC Tag Data Standard pure identity, class and pattern URIs) as canonical GS1 Digital Links, for the
// CBV 2.0 event hash. A port of Traceability.Domain/Gs1 (EpcUrn.TryToDigitalLinkUri, EpcUrnParts, EpcUrnOtherSchemes,
// EpcUrnEscaping, Gs1KeyAssembly): keep the two in step. Functions return null where the C# Try* methods return false.

import {
  allDigits, CANONICAL_BASE, checkDigit, encodeDigitalLinkValue, everyChar, hexValue, isAsciiLetterOrDigit, isCset39Char,
  isCset82, isCset82Char,
} from './gs1.js';

const EPC_PREFIX = 'urn:epc:';

function fieldCount(scheme) {
  switch (scheme) {
    case 'sscc': case 'giai': case 'gsrn': case 'gsrnp': case 'ginc': case 'gsin': case 'pgln': return 2;
    case 'itip': return 5;
    default: return 3;
  }
}

/** Like .NET's string.Split(separator, count): at most count parts, the last holding the rest. */
function splitAtMost(text, separator, count) {
  const parts = [];
  let from = 0;
  while (parts.length < count - 1) {
    const at = text.indexOf(separator, from);
    if (at < 0) break;
    parts.push(text.slice(from, at));
    from = at + 1;
  }
  parts.push(text.slice(from));
  return parts;
}

function epcParts(urn) {
  if (!urn.startsWith(EPC_PREFIX)) return null;
  let rest = urn.slice(EPC_PREFIX.length);
  const kindEnd = rest.indexOf(':');
  if (kindEnd <= 0) return null;
  const kind = rest.slice(0, kindEnd);
  rest = rest.slice(kindEnd + 1);
  const schemeEnd = rest.indexOf(':');
  if (schemeEnd <= 0 || !['id', 'class', 'idpat'].includes(kind)) return null;
  const scheme = rest.slice(0, schemeEnd);
  const fields = splitAtMost(rest.slice(schemeEnd + 1), '.', fieldCount(scheme));
  if (fields.length !== fieldCount(scheme)) return null;
  return { kind, scheme, fields, is: (k, s) => kind === k && scheme === s };
}

/** The canonical Digital Link URI of any EPC URI that has one; null for anything else. */
export function epcUriToDigitalLink(urn) {
  const parts = epcParts(urn);
  if (parts === null) return null;
  const path = mainSchemePath(parts) ?? otherSchemePath(parts);
  return path === null ? null : CANONICAL_BASE + path;
}

const MIN_PREFIX = 6;
const MAX_PREFIX = 12;

/** Company prefix + reference → whole key with check digit; null when parts are not digits or do not add up. */
function joinKey(companyPrefix, reference, lengthWithoutCheck, leadingDigitFirst) {
  if (companyPrefix.length < MIN_PREFIX || companyPrefix.length > MAX_PREFIX
    || companyPrefix.length + reference.length !== lengthWithoutCheck
    || !allDigits(companyPrefix)
    || (reference.length > 0 && !allDigits(reference))) {
    return null;
  }
  const body = leadingDigitFirst && reference.length > 0 ? reference[0] + companyPrefix + reference.slice(1) : companyPrefix + reference;
  return body + checkDigit(body);
}

/** EPC URI component escapes: %XX as one char; only the TDS-permitted characters raw. Null when malformed. */
function unescapeEpc(component) {
  let out = '';
  for (let i = 0; i < component.length; i++) {
    const c = component[i];
    if (c === '%') {
      if (i + 2 >= component.length || hexValue(component[i + 1]) < 0 || hexValue(component[i + 2]) < 0) return null;
      out += String.fromCharCode((hexValue(component[i + 1]) << 4) | hexValue(component[i + 2]));
      i += 2;
    } else if (isAsciiLetterOrDigit(c) || "-.:;=_!'()*+,".includes(c)) {
      out += c;
    } else {
      return null;
    }
  }
  return out;
}

const isAlphanumericValue = (text, max) => text !== null && text.length > 0 && text.length <= max && isCset82(text);

// sgtin, lgtin, idpat sgtin, sscc, pgln, sgln: the keys with a typed Digital Link in C# (EpcUrn.ToLink).
function mainSchemePath(urn) {
  const f = urn.fields;
  if (urn.is('id', 'sgtin') || urn.is('class', 'lgtin') || urn.is('idpat', 'sgtin')) {
    const gtin = joinKey(f[0], f[1], 13, true);
    if (gtin === null) return null;
    if (urn.kind === 'idpat') return f[2] === '*' ? '/01/' + gtin : null;
    const text = unescapeEpc(f[2]);
    if (text === null || !isAlphanumericValue(text, 20)) return null;
    return '/01/' + gtin + (urn.kind === 'class' ? '/10/' : '/21/') + encodeDigitalLinkValue(text);
  }
  if (urn.is('id', 'sscc')) {
    const sscc = joinKey(f[0], f[1], 17, true);
    return sscc === null ? null : '/00/' + sscc;
  }
  if (urn.is('id', 'pgln')) {
    const party = joinKey(f[0], f[1], 12, false);
    return party === null ? null : '/417/' + party;
  }
  if (urn.is('id', 'sgln')) {
    const gln = joinKey(f[0], f[1], 12, false);
    const extension = unescapeEpc(f[2]);
    if (gln === null || extension === null) return null;
    if (extension === '0') return '/414/' + gln; // TDS: extension "0" is the GLN itself
    return isAlphanumericValue(extension, 20) ? '/414/' + gln + '/254/' + encodeDigitalLinkValue(extension) : null;
  }
  return null;
}

// grai, giai, gsrn, gsrnp, gdti, cpi, sgcn, ginc, gsin, itip, upui and their patterns (EpcUrnOtherSchemes).
function otherSchemePath(urn) {
  const f = urn.fields;
  const isPattern = urn.kind === 'idpat';
  if (urn.kind === 'class' || (isPattern && f[f.length - 1] !== '*')) return null;
  switch (urn.scheme) {
    case 'grai': {
      const grai = joinKey(f[0], f[1], 12, false);
      if (grai === null) return null;
      if (isPattern) return '/8003/0' + grai;
      const serial = serialValue(f[2], 16);
      return serial === null ? null : '/8003/0' + grai + serial;
    }
    case 'gdti': {
      const gdti = joinKey(f[0], f[1], 12, false);
      if (gdti === null) return null;
      if (isPattern) return '/253/' + gdti;
      const serial = serialValue(f[2], 17);
      return serial === null ? null : '/253/' + gdti + serial;
    }
    case 'sgcn': {
      const sgcn = joinKey(f[0], f[1], 12, false);
      if (sgcn === null) return null;
      if (isPattern) return '/255/' + sgcn;
      return isDigitsUpTo(f[2], 12) ? '/255/' + sgcn + f[2] : null;
    }
    case 'gsrn':
      if (isPattern) return null;
      return withKey(joinKey(f[0], f[1], 17, false), '/8018/');
    case 'gsrnp':
      if (isPattern) return null;
      return withKey(joinKey(f[0], f[1], 17, false), '/8017/');
    case 'gsin':
      if (isPattern) return null;
      return withKey(joinKey(f[0], f[1], 16, false), '/402/');
    case 'giai':
      if (isPattern) return null;
      return withKey(prefixedText(f[0], f[1], isCset82Char), '/8004/');
    case 'ginc':
      if (isPattern) return null;
      return withKey(prefixedText(f[0], f[1], isCset82Char), '/401/');
    case 'cpi': {
      const cpid = prefixedText(f[0], f[1], isCset39Char);
      if (cpid === null) return null;
      if (isPattern) return '/8010/' + cpid;
      return isDigitsUpTo(f[2], 12) ? '/8010/' + cpid + '/8011/' + f[2] : null;
    }
    case 'itip': {
      const gtin = joinKey(f[0], f[1], 13, true);
      if (gtin === null || !isDigitsUpTo(f[2], 2, 2) || !isDigitsUpTo(f[3], 2, 2)) return null;
      const piece = '/8006/' + gtin + f[2] + f[3];
      if (isPattern) return piece;
      const serial = serialValue(f[4], 20);
      return serial === null ? null : piece + '/21/' + serial;
    }
    case 'upui': {
      const gtin = joinKey(f[0], f[1], 13, true);
      if (gtin === null) return null;
      if (isPattern) return '/01/' + gtin;
      const tpx = serialValue(f[2], 28);
      return tpx === null ? null : '/01/' + gtin + '/235/' + tpx;
    }
    default:
      return null;
  }
}

const withKey = (key, prefix) => (key === null ? null : prefix + key);

function serialValue(component, maxLength) {
  const text = unescapeEpc(component);
  return isAlphanumericValue(text, maxLength) ? encodeDigitalLinkValue(text) : null;
}

function prefixedText(companyPrefix, component, allowed) {
  const text = unescapeEpc(component);
  if (companyPrefix.length < MIN_PREFIX || companyPrefix.length > MAX_PREFIX || !allDigits(companyPrefix)
    || text === null || text.length === 0 || companyPrefix.length + text.length > 30 || !everyChar(text, allowed)) {
    return null;
  }
  return encodeDigitalLinkValue(companyPrefix + text);
}

const isDigitsUpTo = (text, maxLength, minLength = 1) => text.length >= minLength && text.length <= maxLength && allDigits(text);
