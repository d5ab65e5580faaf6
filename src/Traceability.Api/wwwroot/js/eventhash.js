// The CBV 2.0 event hash (GS1 Core Business Vocabulary 2.0 §8.9, "EPCIS Event Hash ID") in the browser: the
// content identity of an EPCIS event, written as an RFC 6920 ni URI `ni:///sha-256;{hex}?ver=CBV2.0`.
//
// A faithful port of Traceability.Domain/Epcis/Hashing (EventHash, HashScope, PreHashBuilder, CanonicalPropertyOrder,
// FieldSpec); the value rules live in hashvalues.js and gs1.js. The .NET tests run every shared vector and large
// batches of generated events through both and require the same ids: change the two together.
// Longer than our usual 300 lines: it is one algorithm (scope, field order, pre-hash) mirroring its C# twin.
//
// Exports:
//   computeEventId(event, context?) → Promise<string>   the ni URI
//   preHash(event, context?) → string                    the canonical string that is hashed
//   eventIdDigest(eventId) → Uint8Array(32) | null       the SHA-256 digest inside an id (null when malformed)
//   eventIdFromDigest(bytes) → string
// `event` is the parsed JSON-LD event (numbers as JS numbers, or JsonNumber from json.js); `context` is the EPCIS
// document holding it (for its @context and ignoreFields), a bare JSON-LD context object, or an @context array.

import {
  canonicaliseValue, compareCodePoints, formatNumber, formatNumberText, isObject, JsonNumber, NamespaceMap, netTrim,
  normaliseTimestamp,
} from './hashvalues.js';

const PREFIX = 'ni:///sha-256;';
const SUFFIX = '?ver=CBV2.0';
const RDFS_COMMENT = '{http://www.w3.org/2000/01/rdf-schema#}comment';

// Not part of the event's identity: its id, when the repository saw it, and corrections of it.
const EXCLUDED_EVENT_FIELDS = new Set(['type', 'eventID', 'recordTime', 'errorDeclaration']);

// ---- Canonical property order (CanonicalPropertyOrder.cs) ----
// shape: 'value' | 'timestamp' | 'valueList' | 'object' | 'objectList'

const field = (name, shape, more = {}) => ({ name, shape, itemName: null, fields: null, vocabulary: null, nameWritten: true, ...more });
const plain = (name, vocabulary = null) => field(name, 'value', { vocabulary });
const time = (name) => field(name, 'timestamp');
const obj = (name, fields) => field(name, 'object', { fields });
const epcs = (name) => field(name, 'valueList', { itemName: 'epc' });

function spec(ordered, sortedWithExtensions = []) {
  const standard = new Set([...ordered, ...sortedWithExtensions].map((f) => f.name));
  return { ordered, sortedWithExtensions, isStandard: (name) => standard.has(name) };
}

const QUANTITY_ELEMENT = spec([plain('epcClass'), plain('quantity'), plain('uom')]);
const quantities = (name) => field(name, 'objectList', { itemName: 'quantityElement', fields: QUANTITY_ELEMENT });

const SENSOR_METADATA = spec([
  time('time'), time('startTime'), time('endTime'), plain('deviceID'), plain('deviceMetadata'), plain('rawData'),
  plain('dataProcessingMethod'), plain('bizRules'),
]);

const SENSOR_REPORT = spec([
  plain('type', 'measurementType'), plain('exception', 'sensorAlert'), plain('deviceID'), plain('deviceMetadata'),
  plain('rawData'), plain('dataProcessingMethod'), time('time'), plain('microorganism'), plain('chemicalSubstance'),
  plain('value'), plain('component', 'component'), plain('stringValue'), plain('booleanValue'), plain('hexBinaryValue'),
  plain('uriValue'), plain('minValue'), plain('maxValue'), plain('meanValue'), plain('sDev'), plain('percRank'),
  plain('percValue'), plain('uom'), plain('coordinateReferenceSystem'),
]);

const SENSOR_ELEMENT = spec([
  obj('sensorMetadata', SENSOR_METADATA),
  field('sensorReport', 'objectList', { itemName: 'sensorReport', fields: SENSOR_REPORT, nameWritten: false }),
]);

const LOCATION = spec([plain('id')]);

// Type first, then the identifier (rule 13); entries carry no name of their own.
const parties = (listName, idName, typeVocabulary) =>
  field(listName, 'objectList', { fields: spec([plain('type', typeVocabulary), plain(idName)]) });

/** The event itself; eventType is written first. Transactions, sources, destinations and ilmd sort with extensions. */
const EVENT = spec(
  [
    time('eventTime'), plain('eventTimeZoneOffset'), plain('certificationInfo'), epcs('epcList'), plain('parentID'),
    epcs('inputEPCList'), epcs('childEPCs'), quantities('quantityList'), quantities('childQuantityList'),
    quantities('inputQuantityList'), epcs('outputEPCList'), quantities('outputQuantityList'), plain('action'),
    plain('transformationID'), plain('bizStep', 'bizStep'), plain('disposition', 'disposition'),
    obj('persistentDisposition', spec([plain('set', 'disposition'), plain('unset', 'disposition')])),
    obj('readPoint', LOCATION), obj('bizLocation', LOCATION),
    field('sensorElementList', 'objectList', { itemName: 'sensorElement', fields: SENSOR_ELEMENT }),
  ],
  [
    parties('bizTransactionList', 'bizTransaction', 'bizTransactionType'),
    parties('sourceList', 'source', 'sourceDestinationType'),
    parties('destinationList', 'destination', 'sourceDestinationType'),
    obj('ilmd', spec([])),
  ],
);

// ---- Scope: namespaces and ignored fields (HashScope.cs) ----

const has = (o, name) => Object.hasOwn(o, name);
const get = (o, name) => (has(o, name) ? o[name] : undefined);

function scopeFor(event, documentOrContext) {
  let names = NamespaceMap.standard;
  let ignored = new Set();
  let document = documentOrContext;
  if (Array.isArray(document)) document = { '@context': document };
  if (isObject(document)) {
    names = names.with(contextOf(document));
    ignored = ignoredFieldsOf(document, names);
  }
  if (has(event, '@context')) names = names.with(event['@context']);
  return { names, ignored };
}

// A document (or event-like object) without @context brings no definitions; any other object is a context.
function contextOf(document) {
  if (has(document, '@context')) return document['@context'];
  return has(document, 'epcisBody') || has(document, 'type') ? null : document;
}

function ignoredFieldsOf(document, names) {
  const ignored = new Set();
  const body = isObject(get(document, 'epcisBody')) ? document.epcisBody : null;
  const queryResults = body !== null && isObject(get(body, 'queryResults')) ? body.queryResults : null;
  for (const holder of [document, body, queryResults]) {
    if (holder === null) continue;
    for (const [name, value] of Object.entries(holder)) {
      if (!names.expandName(name).endsWith('ignoreFields')) continue;
      for (const item of Array.isArray(value) ? value : [value]) {
        if (typeof item === 'string') {
          ignored.add(item);
          ignored.add(names.expandName(item));
        }
      }
    }
  }
  return ignored;
}

// ---- The pre-hash string (PreHashBuilder.cs) ----

class PreHashBuilder {
  constructor(names, ignored) {
    this.names = names;
    this.ignored = ignored;
  }

  appendObject(parts, o, objectSpec, isEvent = false) {
    for (const f of objectSpec.ordered) {
      const node = get(o, f.name);
      if (node !== undefined && node !== null) this.appendField(parts, f, node);
    }
    const sorted = [];
    for (const f of objectSpec.sortedWithExtensions) {
      const node = get(o, f.name);
      if (node !== undefined && node !== null) {
        const part = [];
        this.appendField(part, f, node);
        if (part.length > 0) sorted.push(part.join(''));
      }
    }
    for (const [name, node] of Object.entries(o)) {
      if (objectSpec.isStandard(name) || (isEvent && this.isExcludedFromEvent(name))) continue;
      this.addExtension(sorted, name, node);
    }
    appendSorted(parts, sorted);
  }

  appendField(parts, f, node) {
    const items = Array.isArray(node) ? node : [node];
    switch (f.shape) {
      case 'value':
      case 'timestamp': {
        const values = [];
        for (const item of items) this.addValue(values, f.name, item, f);
        appendSorted(parts, values);
        break;
      }
      case 'valueList': {
        const entries = [];
        for (const item of items) this.addValue(entries, f.itemName, item, f);
        if (entries.length > 0) {
          parts.push(f.name);
          appendSorted(parts, entries);
        }
        break;
      }
      case 'object': {
        const objects = [];
        for (const item of items) this.addObject(objects, f.name, item, f);
        appendSorted(parts, objects);
        break;
      }
      case 'objectList': {
        const elements = [];
        for (const item of items) this.addObject(elements, f.itemName ?? '', item, f);
        if (elements.length > 0) {
          if (f.nameWritten) parts.push(f.name);
          appendSorted(parts, elements);
        }
        break;
      }
    }
  }

  /** Adds `name` followed by the object's fields, unless they are all empty. */
  addObject(into, name, item, f) {
    if (item === null || item === undefined) return;
    if (isObject(item)) {
      const inner = [];
      this.appendObject(inner, item, f.fields);
      if (inner.length > 0) into.push(name + inner.join(''));
    } else if (!Array.isArray(item) && f.fields.ordered.length > 0) {
      // A bare value where an object belongs, e.g. "readPoint": "urn:...": read it as the first field (id).
      const first = f.fields.ordered[0];
      this.addValue(into, name + first.name, item, first);
    } else {
      this.addValue(into, name, item, f);
    }
  }

  addValue(into, name, item, f) {
    if (Array.isArray(item) || isObject(item)) {
      this.addExtension(into, name, item); // not the standard shape: keep its content all the same
      return;
    }
    const text = this.valueText(item, f.shape === 'timestamp', f.vocabulary);
    if (text.length > 0) into.push(name + '=' + text);
  }

  /** A user extension (or unknown field): expanded name, then its value or its sorted children. */
  addExtension(into, name, node) {
    if (node === null || node === undefined || name === '@context' || this.isComment(name)) return;
    const expanded = this.names.expandName(name);
    if (Array.isArray(node)) {
      for (const item of node) this.addExtension(into, name, item);
    } else if (isObject(node)) {
      const children = [];
      for (const [childName, child] of Object.entries(node)) this.addExtension(children, childName, child);
      if (children.length > 0) {
        const parts = [expanded];
        appendSorted(parts, children);
        into.push(parts.join(''));
      }
    } else {
      const text = this.valueText(node, false, null);
      if (text.length > 0) into.push(expanded + '=' + text);
    }
  }

  valueText(value, isTimestamp, vocabulary) {
    if (typeof value === 'string') {
      if (isTimestamp) {
        const trimmed = netTrim(value);
        return normaliseTimestamp(trimmed) ?? trimmed;
      }
      return canonicaliseValue(value, vocabulary, this.names);
    }
    if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value) : String(value);
    if (value instanceof JsonNumber) return formatNumberText(value.text) ?? value.text;
    if (value === true) return 'true';
    if (value === false) return 'false';
    return '';
  }

  isExcludedFromEvent(name) {
    return EXCLUDED_EVENT_FIELDS.has(name) || this.ignored.has(name) || this.ignored.has(this.names.expandName(name));
  }

  isComment(name) {
    return name === 'comment' || this.names.expandName(name) === RDFS_COMMENT;
  }
}

function appendSorted(parts, items) {
  if (items.length > 1) items.sort(compareCodePoints);
  for (const item of items) parts.push(item);
}

// ---- Public API ----

/** The canonical string that computeEventId hashes, for diagnosis and comparison. */
export function preHash(event, context = null) {
  if (!isObject(event)) throw new TypeError('an EPCIS event must be a JSON object');
  const { names, ignored } = scopeFor(event, context);
  const builder = new PreHashBuilder(names, ignored);
  const parts = [];
  const type = get(event, 'type');
  if (typeof type === 'string') parts.push('eventType=' + netTrim(type));
  builder.appendObject(parts, event, EVENT, true);
  return parts.join('');
}

/** The CBV 2.0 event id `ni:///sha-256;<64 hex>?ver=CBV2.0` of an event, hashed with WebCrypto. */
export async function computeEventId(event, context = null) {
  const bytes = new TextEncoder().encode(preHash(event, context));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return eventIdFromDigest(digest);
}

/** The event id of a 32-byte SHA-256 digest. */
export function eventIdFromDigest(digest) {
  if (digest.length !== 32) throw new RangeError(`a SHA-256 digest has 32 bytes, not ${digest.length}`);
  return PREFIX + Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('') + SUFFIX;
}

/** The 32-byte digest inside an event id; null unless it is exactly `ni:///sha-256;` + 64 lowercase hex + `?ver=CBV2.0`. */
export function eventIdDigest(eventId) {
  if (typeof eventId !== 'string' || eventId.length !== PREFIX.length + 64 + SUFFIX.length
    || !eventId.startsWith(PREFIX) || !eventId.endsWith(SUFFIX)) {
    return null;
  }
  const hex = eventId.slice(PREFIX.length, PREFIX.length + 64);
  if (!/^[0-9a-f]{64}$/.test(hex)) return null;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}
