// The producer's screens: products (bilingual names), lots (harvest/commissioning), transformation, packing onto
// pallets, shipping to a member picked from the organisation list; labels to print.
import { h, api, state, layout, formBox, field, table, anchorBadge, fmtTime, withOffset, nowLocal } from './core.js';
import { T, unitName } from './i18n.js';
import { commission, transform, pack, ship, capture, recorded, withCheckDigit } from './epcis.js';

const unitOptions = async () => (await api('GET', '/units')).filter((u) => u.kind !== 'package').map((u) => [u.code, unitName(u)]);

async function recordedList() {
  const proofs = await Promise.all(recorded.slice(0, 20).map((r) => api('GET', `/events/${encodeURIComponent(r.eventId)}/proof`).catch(() => null)));
  return h('section', { class: 'card', id: 'recorded-list' }, h('h2', {}, T('recordedToday')),
    table([T('event'), T('time'), T('anchoring')], recorded.slice(0, 20).map((r, i) => h('tr', {}, h('td', {}, r.what), h('td', {}, fmtTime(r.at)),
      h('td', {}, anchorBadge(proofs[i] ? { status: proofs[i].status, blockNumber: proofs[i].ledger?.blockNumber, txHash: proofs[i].ledger?.txHash } : null))))));
}

const done = (form, text) => { form.querySelector('.done')?.remove(); form.append(h('p', { class: 'badge ok done' }, `✓ ${text}`)); };

export async function productsScreen() {
  const form = formBox(T('registerProduct'), [
    field('GTIN', 'gtin', { path: 'gtin' }),
    h('div', { class: 'grid2' }, field(T('nameZh'), 'nameZh', { path: '$.name.zh-CN' }), field(T('nameEn'), 'nameEn', { path: '$.name.en' })),
    h('div', { class: 'grid2' }, field(T('brand'), 'brand', { path: '$.brand' }), field(T('netContent'), 'netContent', { path: '$.netContent' })),
  ], T('save'), async (data, f) => {
    const name = {};
    if (data.get('nameZh')) name['zh-CN'] = data.get('nameZh');
    if (data.get('nameEn')) name.en = data.get('nameEn');
    const brand = data.get('brand') ? { 'zh-CN': data.get('brand') } : undefined;
    const gtin = String(data.get('gtin')).trim();
    if (!/^\d{8,14}$/.test(gtin)) throw { status: 400, problem: { errors: [{ path: 'gtin', message: T('badGtin') }] } };
    await api('PUT', `/products/${gtin}`, { name, brand, netContent: data.get('netContent') || undefined, countryOfOrigin: 'CN' });
    done(f, T('saved'));
  }, { id: 'product-form' });
  layout(T('navProducts'), [form]);
}

export async function lotsScreen() {
  const units = await unitOptions();
  const lotForm = formBox(T('registerLot'), [
    h('div', { class: 'grid2' }, field('GTIN', 'gtin', { path: '$.quantityList[0].epcClass' }), field(T('lot'), 'lot', { path: '$.quantityList[0].epcClass' })),
    h('div', { class: 'grid3' }, field(T('quantity'), 'quantity', { type: 'number', path: '$.quantityList[0].quantity', attrs: { step: 'any' } }),
      field(T('unit'), 'unit', { options: units, value: 'KGM', path: '$.quantityList[0].uom' }), field(T('time'), 'time', { type: 'datetime-local', value: nowLocal(), path: '$.eventTime' })),
  ], T('registerLot'), async (data, f) => {
    const v = Object.fromEntries(data);
    await capture(commission({ ...v, time: withOffset(v.time) }), `${T('registerLot')} ${v.gtin} · ${v.lot}`);
    done(f, T('recorded'));
    f.append(h('a', { href: `/labels/01/${v.gtin}/10/${encodeURIComponent(v.lot)}`, target: '_blank', class: 'label-link' }, `🏷 ${T('printLabel')}`));
  }, { id: 'lot-form' });
  const inputRow = (i) => h('div', { class: 'grid3' }, field(`${T('input')} ${i + 1} GTIN`, `in${i}gtin`, { path: `$.inputQuantityList[${i}]` }),
    field(T('lot'), `in${i}lot`, { path: `$.inputQuantityList[${i}]` }), field(T('quantity'), `in${i}qty`, { type: 'number', path: `$.inputQuantityList[${i}].quantity`, attrs: { step: 'any' } }));
  const transformForm = formBox(T('transformation'), [
    inputRow(0), inputRow(1),
    field(T('inputUnit'), 'inUnit', { options: units, value: 'KGM' }),
    h('div', { class: 'grid3' }, field(`${T('output')} GTIN`, 'outGtin', { path: '$.outputQuantityList[0]' }), field(T('lot'), 'outLot', { path: '$.outputQuantityList[0]' }),
      field(T('quantity'), 'outQty', { type: 'number', path: '$.outputQuantityList[0].quantity' })),
    h('div', { class: 'grid2' }, field(T('outputUnit'), 'outUnit', { options: units, value: 'EA' }), field(T('time'), 'time', { type: 'datetime-local', value: nowLocal(), path: '$.eventTime' })),
  ], T('recordTransformation'), async (data, f) => {
    const v = Object.fromEntries(data);
    const inputs = [0, 1].filter((i) => v[`in${i}gtin`]).map((i) => ({ gtin: v[`in${i}gtin`], lot: v[`in${i}lot`], quantity: v[`in${i}qty`], unit: v.inUnit }));
    await capture(transform({ time: withOffset(v.time), inputs, output: { gtin: v.outGtin, lot: v.outLot, quantity: v.outQty, unit: v.outUnit } }),
      `${T('transformation')} → ${v.outLot}`);
    done(f, T('recorded'));
  }, { id: 'transform-form' });
  const packForm = formBox(T('packing'), [
    field(T('ssccDigits'), 'sscc', { path: '$.parentID', attrs: { placeholder: '17 + 1' } }),
    h('div', { class: 'grid3' }, field('GTIN', 'gtin', { path: '$.childQuantityList[0]' }), field(T('lot'), 'lot', { path: '$.childQuantityList[0]' }),
      field(T('quantity'), 'quantity', { type: 'number', path: '$.childQuantityList[0].quantity' })),
    h('div', { class: 'grid2' }, field(T('unit'), 'unit', { options: units, value: 'EA' }), field(T('time'), 'time', { type: 'datetime-local', value: nowLocal(), path: '$.eventTime' })),
  ], T('recordPacking'), async (data, f) => {
    const v = Object.fromEntries(data);
    const sscc = String(v.sscc).trim().length === 17 ? withCheckDigit(String(v.sscc).trim()) : String(v.sscc).trim();
    await capture(pack({ ...v, sscc, time: withOffset(v.time) }), `${T('packing')} SSCC ${sscc}`);
    done(f, `${T('recorded')} · SSCC ${sscc}`);
  }, { id: 'pack-form' });
  layout(T('navLots'), [lotForm, transformForm, packForm, await recordedList()]);
}

export async function shipScreen() {
  const orgs = (await api('GET', '/orgs')).filter((o) => o.gln && o.orgId !== state.session.orgId);
  const units = await unitOptions();
  const form = formBox(T('ship'), [
    field(T('shipTo'), 'toGln', { path: '$.destinationList', options: orgs.map((o) => [o.gln, `${o.name} · ${T('role_' + o.role)}`]) }),
    field(T('ssccOrLot'), 'sscc', { path: '$.epcList', attrs: { placeholder: 'SSCC (18)' } }),
    h('p', { class: 'muted' }, T('orLot')),
    h('div', { class: 'grid3' }, field('GTIN', 'gtin', { path: '$.quantityList[0]' }), field(T('lot'), 'lot', { path: '$.quantityList[0]' }),
      field(T('quantity'), 'quantity', { type: 'number', path: '$.quantityList[0].quantity' })),
    h('div', { class: 'grid2' }, field(T('unit'), 'unit', { options: units, value: 'EA' }), field(T('time'), 'time', { type: 'datetime-local', value: nowLocal(), path: '$.eventTime' })),
  ], T('ship'), async (data, f) => {
    const v = Object.fromEntries(data);
    await capture(ship({ ...v, sscc: String(v.sscc).trim() || null, time: withOffset(v.time) }), `${T('ship')} → ${orgs.find((o) => o.gln === v.toGln)?.name}`);
    done(f, T('recorded'));
  }, { id: 'ship-form' });
  layout(T('navShip'), [form, await recordedList()]);
}
