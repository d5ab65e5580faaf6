// How single values are written in the CBV 2.0 pre-hash (§8.9 rules 5-9, 14-21): timestamps, numbers, bare
// vocabulary terms, compact IRIs, CBV 1.x URNs, EPC URIs and Digital Links, and the JSON-LD names in scope.
// A port of Traceability.Domain/Epcis/Hashing (HashTimestamp, HashNumber, HashValue, BareVocabulary,
// NamespaceMap, CodePointComparer): keep the two in step.
// Longer than our usual 300 lines because it mirrors six C# types one to one: split, it would no longer read
// side by side with them.

import { epcUriToDigitalLink } from './epcuri.js';
import { canonicaliseDigitalLink, startsWithIgnoreAsciiCase } from './gs1.js';

// ---- .NET string behaviour the C# relies on ----

// char.IsWhiteSpace: what string.Trim() removes in .NET (not U+FEFF, unlike JavaScript's trim; U+0085 too).
function isNetWhiteSpace(code) {
  return (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0x85 || code === 0xa0 || code === 0x1680
    || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f
    || code === 0x3000;
}

/** string.Trim() as .NET does it. */
export function netTrim(text) {
  let start = 0;
  let end = text.length;
  while (start < end && isNetWhiteSpace(text.charCodeAt(start))) start++;
  while (end > start && isNetWhiteSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

// Surrogates (D800-DFFF) stand for code points above FFFF: lift them above E000-FFFF.
function rank(code) {
  if (code >= 0xd800 && code <= 0xdfff) return code + 0x2000;
  if (code >= 0xe000) return code - 0x800;
  return code;
}

/** Orders strings by Unicode code point, i.e. by their UTF-8 bytes (rule 10); JavaScript's < compares UTF-16. */
export function compareCodePoints(x, y) {
  const length = Math.min(x.length, y.length);
  for (let i = 0; i < length; i++) {
    const a = x.charCodeAt(i);
    const b = y.charCodeAt(i);
    if (a !== b) return rank(a) - rank(b);
  }
  return x.length - y.length;
}

// ---- Timestamps: UTC, 'Z', three fractional digits rounded half-up on the fourth (rules 8, 9) ----

const MS_PER_DAY = 86400000;
// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z: the range of .NET's DateTimeOffset at millisecond precision.
const MIN_MS = daysFromCivil(1, 1, 1) * MS_PER_DAY;
const MAX_MS = (daysFromCivil(9999, 12, 31) + 1) * MS_PER_DAY - 1;

function digitsValue(text) {
  if (text.length === 0) return -1;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** The normalised timestamp, or null when the text is not an ISO 8601 date-time (the caller keeps it as written). */
export function normaliseTimestamp(s) {
  if (s.length < 19 || s[4] !== '-' || s[7] !== '-' || (s[10] !== 'T' && s[10] !== 't' && s[10] !== ' ') || s[13] !== ':' || s[16] !== ':') {
    return null;
  }
  const year = digitsValue(s.slice(0, 4));
  const month = digitsValue(s.slice(5, 7));
  const day = digitsValue(s.slice(8, 10));
  const hour = digitsValue(s.slice(11, 13));
  const minute = digitsValue(s.slice(14, 16));
  const second = digitsValue(s.slice(17, 19));
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return null;

  let at = 19;
  let millis = 0;
  let roundUp = false;
  if (at < s.length && (s[at] === '.' || s[at] === ',')) {
    const start = ++at;
    while (at < s.length && s[at] >= '0' && s[at] <= '9') at++;
    const fraction = s.slice(start, at);
    if (fraction.length === 0) return null;
    for (let i = 0; i < 3; i++) millis = millis * 10 + (i < fraction.length ? fraction.charCodeAt(i) - 48 : 0);
    roundUp = fraction.length > 3 && fraction[3] >= '5';
  }

  const offsetMinutes = parseOffset(s.slice(at));
  if (offsetMinutes === null) return null;
  // new DateTimeOffset(...) refuses out-of-range parts and offsets beyond ±14:00.
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  if (Math.abs(offsetMinutes) > 14 * 60) return null;
  const local = daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  let utc = local - offsetMinutes * 60000;
  if (utc < MIN_MS || utc > MAX_MS) return null;
  if (roundUp) utc += 1;
  if (utc > MAX_MS) return null;
  return formatUtc(utc);
}

/** Minutes east of UTC for 'Z', ±HH:MM, ±HHMM or ±HH; no offset at all reads as UTC. Null otherwise. */
function parseOffset(s) {
  if (s === '' || s === 'Z' || s === 'z') return 0;
  if (s[0] !== '+' && s[0] !== '-') return null;
  const sign = s[0] === '-' ? -1 : 1;
  const body = s.slice(1);
  let hours;
  let minutes = 0;
  if (body.length === 5 && body[2] === ':') {
    hours = digitsValue(body.slice(0, 2));
    minutes = digitsValue(body.slice(3));
  } else if (body.length === 4) {
    hours = digitsValue(body.slice(0, 2));
    minutes = digitsValue(body.slice(2));
  } else if (body.length === 2) {
    hours = digitsValue(body);
  } else {
    return null;
  }
  if (hours < 0 || minutes < 0 || hours > 14 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

function isLeap(year) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year, month) {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
function daysFromCivil(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days) {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function formatUtc(ms) {
  const days = Math.floor(ms / MS_PER_DAY);
  let rest = ms - days * MS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const pad = (n, width) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(Math.floor(rest / 3600), 2)}:${pad(Math.floor(rest / 60) % 60, 2)}:`
    + `${pad(rest % 60, 2)}.${pad(milli, 3)}Z`;
}

// ---- Numbers: no trailing zeros, no '+', shortest round-trip digits, exponent only below 1e-4 (rules 6, 7) ----

// Optional sign, digits with an optional point (or a point and digits), optional exponent; nothing else.
const NUMERIC = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/** The pre-hash text of a numeric string, or null when it does not read as a finite decimal number. */
export function formatNumberText(text) {
  if (!NUMERIC.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? formatNumber(value) : null;
}

/** The pre-hash text of a finite double. */
export function formatNumber(value) {
  if (Number.isInteger(value)) return BigInt(value).toString(); // also -0 → "0"
  const [mantissa, exponentText] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  const sign = value < 0 ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const e = String(Math.abs(exponent)).padStart(2, '0');
    return sign + digits[0] + (digits.length > 1 ? '.' + digits.slice(1) : '') + 'e' + (exponent < 0 ? '-' : '+') + e;
  }
  const point = exponent + 1;
  if (point <= 0) return sign + '0.' + '0'.repeat(-point) + digits;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return sign + digits.slice(0, point) + '.' + digits.slice(point);
}

// ---- Bare vocabulary terms of the EPCIS 2.0 JSON-LD context (rule 16) ----

const words = (text) => new Set(text.trim().split(/\s+/));

const VOCABULARIES = {
  bizStep: {
    base: 'https://ref.gs1.org/cbv/BizStep-',
    terms: words(`accepting arriving assembling collecting commissioning consigning creating_class_instance cycle_counting
      decommissioning departing destroying disassembling dispensing encoding entering_exiting holding inspecting installing
      killing loading other packing picking receiving removing repackaging repairing replacing reserving retail_selling
      sampling sensor_reporting shipping staging_outbound stock_taking stocking storing transporting unloading unpacking
      void_shipping`),
  },
  disposition: {
    base: 'https://ref.gs1.org/cbv/Disp-',
    terms: words(`active available completeness_verified completeness_inferred conformant container_closed container_open
      damaged destroyed dispensed disposed encoded expired in_progress in_transit inactive mismatch_instance mismatch_class
      mismatch_quantity needs_replacement no_pedigree_match non_conformant non_sellable_other partially_dispensed recalled
      reserved retail_sold returned sellable_accessible sellable_not_accessible stolen unavailable unknown`),
  },
  bizTransactionType: {
    base: 'https://ref.gs1.org/cbv/BTT-',
    terms: words('bol cert desadv inv pedigree po poc prodorder recadv rma testprd testres upevt'),
  },
  sourceDestinationType: { base: 'https://ref.gs1.org/cbv/SDT-', terms: words('owning_party possessing_party location') },
  measurementType: {
    base: 'https://gs1.org/voc/',
    terms: words(`AbsoluteHumidity AbsorbedDose AbsorbedDoseRate Acceleration Radioactivity Altitude AmountOfSubstance
      AmountOfSubstancePerUnitVolume Angle AngularAcceleration AngularMomentum AngularVelocity Area Capacitance Conductance
      Conductivity Count Density Dimensionless DoseEquivalent DoseEquivalentRate DynamicViscosity ElectricCharge
      ElectricCurrent ElectricCurrentDensity ElectricFieldStrength Energy Exposure Force Frequency Illuminance Inductance
      Irradiance KinematicViscosity Length LinearMomentum Luminance LuminousFlux LuminousIntensity MagneticFlux
      MagneticFluxDensity MagneticVectorPotential Mass MassConcentration MassFlowRate MassPerAreaTime MemoryCapacity
      MolalityOfSolute MolarEnergy MolarMass MolarVolume Power Pressure RadiantFlux RadiantIntensity RelativeHumidity
      Resistance Resistivity SolidAngle SpecificVolume Speed SurfaceDensity SurfaceTension Temperature Time Torque Voltage
      Volume VolumeFlowRate VolumeFraction VolumetricFlux Wavenumber`),
  },
  sensorAlert: { base: 'https://gs1.org/voc/', terms: words('ALARM_CONDITION ERROR_CONDITION') },
  component: {
    base: 'https://ref.gs1.org/cbv/Comp-',
    terms: words(`x y z axial_distance azimuth height spherical_radius polar_angle elevation_angle easting northing latitude
      longitude altitude`),
  },
};

function expandBareTerm(vocabulary, value) {
  const vocab = vocabulary ? VOCABULARIES[vocabulary] : undefined;
  return vocab !== undefined && vocab.terms.has(value) ? vocab.base + value : null;
}

// ---- JSON-LD names in scope (rules 15, 19-21) ----

/** Prefixes defined by https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld. */
const STANDARD_PREFIXES = [
  ['epcis', 'https://ref.gs1.org/epcis/'],
  ['cbv', 'https://ref.gs1.org/cbv/'],
  ['cbvmda', 'urn:epcglobal:cbv:mda:'],
  ['gs1', 'https://gs1.org/voc/'],
  ['rdfs', 'http://www.w3.org/2000/01/rdf-schema#'],
  ['owl', 'http://www.w3.org/2002/07/owl#'],
  ['xsd', 'http://www.w3.org/2001/XMLSchema#'],
  ['dcterms', 'http://purl.org/dc/terms/'],
];

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof JsonNumber);

/** A number kept as its JSON text, for literals a double cannot hold (see json.js). */
export class JsonNumber {
  constructor(text) {
    this.text = text;
  }

  toJSON() {
    return Number(this.text);
  }
}

export { isObject };

/** The prefixes, terms and default vocabulary in scope: standard context, then document, then event (later wins). */
export class NamespaceMap {
  static standard = new NamespaceMap(new Map(STANDARD_PREFIXES), null);

  constructor(definitions, vocab) {
    this.definitions = definitions;
    this.vocab = vocab;
  }

  /** This map extended by a JSON-LD @context value (a string, an object, or an array of them). */
  with(context) {
    if (context === null || context === undefined || !defines(context)) return this;
    const definitions = new Map(this.definitions);
    const state = { vocab: this.vocab };
    addContext(context, definitions, state);
    return new NamespaceMap(definitions, state.vocab);
  }

  /** `example:myField` → `{https://ns.example.com/epcis/}myField`; a name it cannot resolve is kept as written. */
  expandName(name) {
    const colon = name.indexOf(':');
    if (colon > 0) {
      const prefix = name.slice(0, colon);
      if (isCompactIri(name, colon) && this.definitions.has(prefix)) return '{' + this.definitions.get(prefix) + '}' + name.slice(colon + 1);
      return name.includes('://') ? splitIri(name) : name;
    }
    if (this.definitions.has(name)) return splitIri(this.definitions.get(name));
    return this.vocab === null ? name : '{' + this.vocab + '}' + name;
  }

  /** The full IRI of a compact IRI value such as `gs1:Temperature`; null when it is not one. */
  expandCompactValue(value) {
    const colon = value.indexOf(':');
    return colon > 0 && isCompactIri(value, colon) && this.definitions.has(value.slice(0, colon))
      ? this.definitions.get(value.slice(0, colon)) + value.slice(colon + 1)
      : null;
  }
}

// "https://x" is an absolute IRI, not prefix "https" (JSON-LD 1.1 §4.4 compact IRIs).
function isCompactIri(text, colon) {
  return !(text.length > colon + 2 && text[colon + 1] === '/' && text[colon + 2] === '/');
}

function splitIri(iri) {
  const cut = Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#'));
  return cut <= 0 || cut === iri.length - 1 ? iri : '{' + iri.slice(0, cut + 1) + '}' + iri.slice(cut + 1);
}

function defines(context) {
  if (isObject(context)) return Object.keys(context).length > 0;
  if (Array.isArray(context)) return context.some((item) => isObject(item) && Object.keys(item).length > 0);
  return false; // a context URL: the only one EPCIS documents use is the standard context, already included
}

function addContext(context, definitions, state) {
  if (Array.isArray(context)) {
    for (const item of context) addContext(item, definitions, state);
  } else if (isObject(context)) {
    for (const [key, value] of Object.entries(context)) {
      if (key === '@vocab') {
        state.vocab = typeof value === 'string' ? value : null;
      } else if (!key.startsWith('@')) {
        const iri = typeof value === 'string' ? value : isObject(value) && typeof value['@id'] === 'string' && Object.hasOwn(value, '@id') ? value['@id'] : null;
        if (iri !== null) definitions.set(key, iri);
      }
    }
  }
}

// ---- One string value (HashValue.Canonicalise) ----

const CBV_URN_PREFIXES = [
  ['urn:epcglobal:cbv:bizstep:', 'https://ref.gs1.org/cbv/BizStep-'],
  ['urn:epcglobal:cbv:disp:', 'https://ref.gs1.org/cbv/Disp-'],
  ['urn:epcglobal:cbv:btt:', 'https://ref.gs1.org/cbv/BTT-'],
  ['urn:epcglobal:cbv:sdt:', 'https://ref.gs1.org/cbv/SDT-'],
  ['urn:epcglobal:cbv:er:', 'https://ref.gs1.org/cbv/ER-'],
];

/**
 * Trims, expands a bare term of `vocabulary` or a compact IRI, replaces CBV 1.x URNs by CBV web URIs, normalises
 * numbers, and turns EPC URIs and Digital Link URIs into constrained canonical Digital Links.
 */
export function canonicaliseValue(raw, vocabulary, names) {
  let value = netTrim(raw);
  if (value.length === 0) return value;
  const term = expandBareTerm(vocabulary, value);
  if (term !== null) return term;
  value = names.expandCompactValue(value) ?? value;

  if (value.startsWith('urn:')) {
    for (const [urn, webUri] of CBV_URN_PREFIXES) {
      if (value.startsWith(urn)) return webUri + value.slice(urn.length);
    }
    return epcUriToDigitalLink(value) ?? value;
  }
  if (startsWithIgnoreAsciiCase(value, 'http')) return canonicaliseDigitalLink(value) ?? value;
  return formatNumberText(value) ?? value;
}
