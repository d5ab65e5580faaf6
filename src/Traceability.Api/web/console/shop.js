// The distributor's and shop's screens: receive what was shipped to you (picked from the list, or the pallet label
// scanned), incoming checks (进货查验), recalls affecting you with what you received, and acknowledging removal.
import { h, api, state, layout, formBox, field, table, anchorBadge, fmtTime, withOffset, nowLocal } from './core.js';
import { T, unitName } from './i18n.js';
import { receive, receiveSscc, capture } from './epcis.js';
import { decodeImageFile, parseSscc } from './scanning.js';

const label = (key) => { const m = /^\/01\/(\d{14})\/10\/(.+)$/.exec(key); return m ? `${m[1]} · ${decodeURIComponent(m[2])}` : key.replace('/00/', 'SSCC '); };

export async function receiveScreen() {
  const shipments = await api('GET', '/shipments/incoming');
  const rows = shipments.map((s) => h('tr', { 'data-shipment': s.eventId, 'data-received': String(s.received) },
    h('td', {}, s.from), h('td', {}, [...s.units, ...s.lots].map(label).join(', ')), h('td', {}, fmtTime(s.eventTime)), h('td', {}, anchorBadge(s.anchor)),
    h('td', {}, s.received ? h('span', { class: 'badge ok' }, T('received')) : h('button', { type: 'button', class: 'primary receive', onclick: async (e) => {
      e.target.disabled = true;
      await capture(receive(s, withOffset(nowLocal())), `${T('receive')} ${[...s.units, ...s.lots].map(label).join(', ')}`);
      window.dispatchEvent(new Event('hashchange'));
    } }, T('receive')))));
  const scanStatus = h('p', { class: 'muted', id: 'label-status' });
  const scanForm = formBox(T('receiveByLabel'), [
    field(T('palletCode'), 'code', { path: '$.epcList', attrs: { placeholder: '(00)… · https://…/00/…' } }),
    h('label', { class: 'field' }, h('span', {}, T('scanPhoto')), h('input', { type: 'file', accept: 'image/*', capture: 'environment', id: 'label-photo', onchange: async (e) => {
      try { const text = await decodeImageFile(e.target.files[0]); e.target.form.querySelector('[name=code]').value = text; scanStatus.textContent = text; }
      catch { scanStatus.textContent = T('noCode'); }
    } })), scanStatus,
  ], T('receive'), async (data) => {
    const sscc = parseSscc(data.get('code'));
    if (!sscc) throw { status: 400, problem: { errors: [{ path: '$.epcList', message: T('notAPallet') }] } };
    await capture(receiveSscc(sscc, withOffset(nowLocal())), `${T('receive')} SSCC ${sscc}`);
    window.dispatchEvent(new Event('hashchange'));
  }, { id: 'receive-label' });
  layout(T('navReceive'), [h('section', { class: 'card', id: 'shipments' }, h('h2', {}, T('shippedToYou')),
    table([T('from'), T('what'), T('time'), T('anchoring'), ''], rows)), scanForm]);
}

export async function checksScreen() {
  const [orgs, units, checks] = await Promise.all([api('GET', '/orgs'), api('GET', '/units'), api('GET', '/incoming-checks')]);
  const form = formBox(T('incomingCheck'), [
    field(T('supplier'), 'supplierOrgId', { path: '$.supplierOrgId', options: [['', '—'], ...orgs.filter((o) => o.orgId !== state.session.orgId).map((o) => [o.orgId, o.name])] }),
    field(T('supplierOther'), 'supplierName', { path: '$.supplierName' }),
    h('div', { class: 'grid2' }, field('GTIN', 'gtin', { path: '$.gtin' }), field(T('lot'), 'lot', { path: '$.lot' })),
    h('div', { class: 'grid3' }, field(T('quantity'), 'quantity', { type: 'number', path: '$.quantity', attrs: { step: 'any' } }),
      field(T('unit'), 'unit', { path: '$.unit', value: 'XCS', options: units.map((u) => [u.code, unitName(u)]) }),
      field(T('checkedAt'), 'checkedAt', { type: 'datetime-local', value: nowLocal(), path: '$.checkedAt' })),
    field(T('certificateNo'), 'certificateNo', { path: '$.certificateNo' }),
    field(T('note'), 'note', { path: '$.note' }),
  ], T('record'), async (data) => {
    const v = Object.fromEntries(data);
    await api('POST', '/incoming-checks', { gtin: v.gtin, lot: v.lot, supplierOrgId: v.supplierOrgId || undefined, supplierName: v.supplierName || undefined,
      quantity: v.quantity === '' ? undefined : Number(v.quantity), unit: v.unit, checkedAt: withOffset(v.checkedAt), certificateNo: v.certificateNo, note: v.note || undefined });
    window.dispatchEvent(new Event('hashchange'));
  }, { id: 'check-form' });
  layout(T('navChecks'), [form, h('section', { class: 'card', id: 'checks' }, h('h2', {}, T('yourChecks')),
    table([T('supplier'), T('what'), T('quantity'), T('certificateNo'), T('checkedAt'), T('anchoring')], checks.map((c) => h('tr', {},
      h('td', {}, c.supplier), h('td', {}, `${c.gtin} · ${c.lot}`), h('td', {}, `${c.quantity ?? ''} ${c.unit ?? ''}`), h('td', {}, c.certificateNo),
      h('td', {}, fmtTime(c.checkedAt)), h('td', {}, anchorBadge(c.anchor))))))]);
}

export async function shopRecallsScreen() {
  const [recalls, units, shipments] = await Promise.all([api('GET', '/recalls?affecting=me'), api('GET', '/units'), api('GET', '/shipments/incoming')]);
  const mine = new Set(shipments.filter((s) => s.received).flatMap((s) => [...s.lots, ...s.units]));
  const cards = await Promise.all(recalls.map(async (r) => {
    const product = await api('GET', `/products/${r.origin.gtin}`).catch(() => null);
    const me = r.parties.find((p) => p.orgId === state.session.orgId);
    const lots = [r.origin, ...r.affectedLots].map((l) => l.lotKey);
    const pallets = r.affectedUnits.map((u) => '/00/' + u);
    const items = [...lots, ...pallets].map((k) => h('li', { class: mine.has(k) ? 'yours' : '' }, label(k), mine.has(k) ? h('span', { class: 'badge bad' }, T('youReceived')) : null));
    return h('section', { class: 'card recall-card', 'data-recall': r.id, 'data-status': r.status },
      h('h2', {}, h('span', { class: `badge ${r.status === 'active' ? 'bad' : 'ok'}` }, T('recall_' + r.status)), ' ',
        product ? (product.name['zh-CN'] && product.name.en ? `${product.name['zh-CN']} / ${product.name.en}` : Object.values(product.name)[0]) : r.origin.gtin),
      h('p', {}, `${T('class')} ${r.classification} · ${r.reason}`), h('ul', {}, items),
      me?.acknowledged ? h('p', { class: 'badge ok', id: 'acknowledged' }, `✓ ${T('acknowledgedRemoval', { q: me.acknowledgements[0].quantityRemoved, u: me.acknowledgements[0].unit })}`) : null,
      r.status === 'active' ? formBox(T('acknowledgeRemoval'), [h('div', { class: 'grid2' },
        field(T('quantityRemoved'), 'quantityRemoved', { type: 'number', path: '$.quantityRemoved', attrs: { step: 'any', min: '0' } }),
        field(T('unit'), 'unit', { path: '$.unit', value: 'XCS', options: units.map((u) => [u.code, unitName(u)]) })),
        field(T('note'), 'note', { path: '$.note' })], T('acknowledge'), async (data) => {
        const q = data.get('quantityRemoved');
        await api('POST', `/recalls/${r.id}/acknowledgements`, { quantityRemoved: q === '' ? null : Number(q), unit: data.get('unit'), note: data.get('note') || undefined });
        window.dispatchEvent(new Event('hashchange'));
      }) : null);
  }));
  layout(T('navRecalls'), cards.length ? cards : h('p', { class: 'muted' }, T('noRecalls')));
}
