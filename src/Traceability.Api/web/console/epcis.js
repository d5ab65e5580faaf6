// EPCIS 2.0 events the producer, distributor and shop forms write, shaped as the demo's members write them, and sent
// through the same capture API (POST /events) as any client's.
import { api, state } from './core.js';

const CONTEXT = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'];
const place = () => (state.session.gln ? { readPoint: { id: `https://id.gs1.org/414/${state.session.gln}` }, bizLocation: { id: `https://id.gs1.org/414/${state.session.gln}` } } : {});
const offsetOf = (t) => (/([+-]\d{2}:\d{2}|Z)$/.exec(t)?.[1] ?? '+00:00').replace('Z', '+00:00');
const lotUri = (gtin, lot) => `https://id.gs1.org/01/${gtin}/10/${encodeURIComponent(lot)}`;
const qty = (gtin, lot, quantity, uom) => ({ epcClass: lotUri(gtin, lot), quantity: Number(quantity), ...(uom && uom !== 'EA' ? { uom } : {}) });
const base = (type, time, action, bizStep) => ({ '@context': CONTEXT, type, eventTime: time, eventTimeZoneOffset: offsetOf(time), ...(action ? { action } : {}), bizStep, ...place() });

export const commission = (f) => ({ ...base('ObjectEvent', f.time, 'ADD', 'commissioning'), disposition: 'active', quantityList: [qty(f.gtin, f.lot, f.quantity, f.unit)] });

export const transform = (f) => ({
  ...base('TransformationEvent', f.time, null, 'commissioning'),
  inputQuantityList: f.inputs.map((i) => qty(i.gtin, i.lot, i.quantity, i.unit)),
  outputQuantityList: [qty(f.output.gtin, f.output.lot, f.output.quantity, f.output.unit)],
});

export const pack = (f) => ({ ...base('AggregationEvent', f.time, 'ADD', 'packing'), parentID: `https://id.gs1.org/00/${f.sscc}`,
  childQuantityList: [qty(f.gtin, f.lot, f.quantity, f.unit)] });

export function ship(f) {
  const e = { ...base('ObjectEvent', f.time, 'OBSERVE', 'shipping'), disposition: 'in_transit' };
  if (f.sscc) e.epcList = [`https://id.gs1.org/00/${f.sscc}`]; else e.quantityList = [qty(f.gtin, f.lot, f.quantity, f.unit)];
  e.sourceList = [{ type: 'owning_party', source: `https://id.gs1.org/417/${state.session.gln}` }];
  e.destinationList = [{ type: 'owning_party', destination: `https://id.gs1.org/417/${f.toGln}` }];
  return e;
}

/** A receipt of what a shipment carried: its pallets, or its lots and quantities. */
export function receive(shipment, time) {
  const e = { ...base('ObjectEvent', time, 'OBSERVE', 'receiving'), disposition: 'in_progress' };
  if (shipment.json.epcList) e.epcList = shipment.json.epcList;
  if (shipment.json.quantityList) e.quantityList = shipment.json.quantityList;
  return e;
}

export const receiveSscc = (sscc, time) => ({ ...base('ObjectEvent', time, 'OBSERVE', 'receiving'), disposition: 'in_progress', epcList: [`https://id.gs1.org/00/${sscc}`] });

/** Posts one event; what the session recorded is listed with its anchoring. */
export const recorded = [];
export async function capture(event, what) {
  const created = await api('POST', '/events', event, { raw: true });
  const eventId = created.body?.eventId ?? decodeURIComponent((created.headers.get('Location') || '').replace('/events/', ''));
  recorded.unshift({ eventId, what, at: new Date().toISOString() });
  return eventId;
}

/** GS1 check digit (mod 10, weights 3 and 1 from the right). */
export function withCheckDigit(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[digits.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return digits + ((10 - (sum % 10)) % 10);
}
