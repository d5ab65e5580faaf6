// The lab's screens: one result (the fields of POST /lab-results, kit only for rapid-test methods, card photo, retest),
// a day's upload with a row-by-row preview, and the lab's recent results with their anchoring.
import { h, api, layout, formBox, field, table, anchorBadge, fmtTime, withOffset, nowLocal } from './core.js';
import { T } from './i18n.js';

const methods = ['KJ 201710', 'KJ 201706', 'KJ 201907', 'GB 23200.113-2018', 'GB/T 5009.199-2003', 'GB 5009.33-2016'];
const units = ['mg/kg', 'µg/kg', 'g/kg', 'mg/L', 'µg/L', '%', 'CFU/g'];

export async function labFormScreen(params) {
  const analytes = await api('GET', '/lab/analytes');
  let photoSha = null;
  const photoStatus = h('span', { class: 'muted', id: 'photo-status' });
  const kit = h('div', { class: 'grid2', id: 'kit-fields' },
    field(T('kitLot'), 'kitLot', { path: '$.kitLot' }), field(T('kitExpiry'), 'kitExpiry', { type: 'date', path: '$.kitExpiry' }));
  const measured = h('div', { class: 'grid3', id: 'measured-fields' },
    field(T('value'), 'value', { type: 'number', path: '$.result.value', attrs: { step: 'any' } }),
    field(T('unit'), 'unit', { path: '$.result.unit', options: units.map((u) => [u, u]) }),
    field(T('limit'), 'limit', { type: 'number', path: '$.limit.value', attrs: { step: 'any' } }));
  const qualitative = h('div', { id: 'qualitative-fields' }, field(T('qualitative'), 'qualitative', { path: '$.result.qualitative', options: [['negative', T('negative')], ['positive', T('positive')]] }));
  const toggle = (form) => {
    const method = form.querySelector('[name=method]').value.trim().toUpperCase();
    kit.hidden = !method.startsWith('KJ');
    const kind = form.querySelector('[name=kind]').value;
    measured.hidden = kind !== 'measured';
    qualitative.hidden = kind !== 'qualitative';
  };
  const form = formBox(T('navResult'), [
    h('div', { class: 'grid2' }, field('GTIN', 'gtin', { path: '$.gtin', value: params.get('gtin') }), field(T('lot'), 'lot', { path: '$.lot', value: params.get('lot') })),
    h('div', { class: 'grid2' }, field(T('sampleId'), 'sampleId', { path: '$.sampleId' }), field(T('samplingOrderNo'), 'samplingOrderNo', { path: '$.samplingOrderNo' })),
    field(T('analyte'), 'analyte', { path: '$.analyte.name', value: params.get('analyte'), options: analytes.map((a) => [a.name, a.name]) }),
    h('div', { class: 'grid2' }, field(T('method'), 'method', { path: '$.method', value: 'KJ 201710', attrs: { list: 'methods' } }),
      field(T('resultKind'), 'kind', { options: [['qualitative', T('qualitativeKind')], ['measured', T('measuredKind')]] })),
    h('datalist', { id: 'methods' }, methods.map((m) => h('option', { value: m }))),
    qualitative, measured,
    h('div', { class: 'grid2' }, field(T('limitSource'), 'limitSource', { path: '$.limit.source', value: 'GB 2763-2021' }),
      field(T('verdict'), 'verdict', { path: '$.verdict', options: [['pass', T('pass')], ['fail', T('fail')]] })),
    kit,
    h('div', { class: 'grid2' }, field(T('referenceMaterial'), 'referenceMaterial', { path: '$.referenceMaterial.number', value: 'GBW(E)082923' }),
      field(T('testedAt'), 'testedAt', { type: 'datetime-local', path: '$.testedAt', value: nowLocal() })),
    h('div', { class: 'grid2' }, field(T('testSite'), 'testSite', { path: '$.testSite' }), field(T('vendor'), 'vendor', { path: '$.vendor' })),
    h('div', { class: 'grid2' }, field(T('instrument'), 'instrument', { path: '$.instrument' }), field(T('analyst'), 'analyst', { path: '$.analyst' })),
    field(T('retestOf'), 'retestOf', { path: '$.retestOf', value: params.get('retestOf') }),
    h('label', { class: 'field', 'data-field': 'photo' }, h('span', {}, T('cardPhoto')),
      h('input', { type: 'file', accept: 'image/jpeg,image/png', id: 'card-photo', 'data-path': '$.photoSha256', onchange: async (e) => {
        const file = e.target.files[0];
        if (!file) return;
        photoStatus.textContent = T('uploading');
        try { const stored = await api('POST', '/lab-results/photos', file, { contentType: file.type }); photoSha = stored.sha256; photoStatus.textContent = `✓ SHA-256 ${photoSha.slice(0, 16)}…`; }
        catch (err) { photoSha = null; photoStatus.textContent = `${T('fieldInvalid')} ${err.message}`; }
      } }), photoStatus),
    h('div', { id: 'lab-outcome' }),
  ], T('record'), async (data, f) => {
    const kind = data.get('kind');
    const isKj = String(data.get('method')).trim().toUpperCase().startsWith('KJ');
    const analyte = analytes.find((a) => a.name === data.get('analyte'));
    const body = {
      gtin: data.get('gtin'), lot: data.get('lot'), sampleId: data.get('sampleId'),
      analyte: { name: data.get('analyte'), inchiKey: analyte?.inchiKey ?? undefined }, method: data.get('method'),
      result: kind === 'qualitative' ? { qualitative: data.get('qualitative') } : { value: num(data.get('value')), unit: data.get('unit') },
      limit: kind === 'measured' ? { value: num(data.get('limit')), unit: data.get('unit'), source: data.get('limitSource') || undefined } : undefined,
      verdict: data.get('verdict'),
      kitLot: isKj ? data.get('kitLot') || undefined : undefined, kitExpiry: isKj ? data.get('kitExpiry') || undefined : undefined,
      referenceMaterial: { number: data.get('referenceMaterial') }, testedAt: withOffset(data.get('testedAt')),
      testSite: data.get('testSite') || undefined, vendor: data.get('vendor') || undefined, samplingOrderNo: data.get('samplingOrderNo') || undefined,
      instrument: data.get('instrument') || undefined, analyst: data.get('analyst') || undefined, retestOf: data.get('retestOf') || undefined,
      photoSha256: photoSha ?? undefined,
    };
    const created = await api('POST', '/lab-results', body);
    f.querySelector('#lab-outcome').replaceChildren(h('p', { class: `badge ${created.verdict === 'pass' ? 'ok' : 'bad'}`, id: 'recorded' },
      `✓ ${T('recorded')} · ${T(created.verdict)}${created.alertId ? ' · ' + T('alertRaised') : ''}`), h('code', { class: 'hash' }, created.eventId));
  }, { id: 'lab-form' });
  form.addEventListener('change', () => toggle(form));
  toggle(form);
  layout(T('navResult'), form);
}

const num = (v) => (v === null || v === '' ? undefined : Number(v));

export async function labUploadScreen() {
  let file = null;
  const preview = h('div', { id: 'preview' });
  const run = async (store) => {
    const response = await api('POST', `/lab-results/batches?store=${store}`, file, { contentType: file.type || (file.name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv') });
    show(response, store);
  };
  const show = (b, store) => {
    preview.replaceChildren(
      h('p', { id: 'preview-summary', 'data-valid': b.valid, 'data-invalid': b.invalid, 'data-stored': b.stored },
        T('previewSummary', { total: b.total, valid: b.valid, invalid: b.invalid, stored: b.stored })),
      table([T('row'), T('what'), T('errors')], b.rows.map((r) => h('tr', { class: r.valid ? '' : 'invalid-row', 'data-row': r.row },
        h('td', {}, r.row), h('td', {}, `${r.gtin ?? ''} · ${r.lot ?? ''}`, h('div', { class: 'muted' }, `${r.analyte ?? ''}${r.verdict ? ' · ' + T(r.verdict) : ''}`)),
        h('td', {}, r.valid ? (r.eventId ? `✓ ${T('stored')}` : '✓') : r.errors.map((e) => h('div', { class: 'field-error' }, `${T(e.column)}: ${e.message}`)))))),
      store === 'none' ? h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', id: 'store-all', disabled: b.invalid > 0, onclick: () => run('all') }, T('storeAll')),
        h('button', { type: 'button', id: 'store-valid', disabled: b.valid === 0, onclick: () => run('valid') }, T('storeValid', { n: b.valid }))) : null);
  };
  const form = formBox(T('navUpload'), [
    h('p', { class: 'muted' }, T('uploadText')),
    h('label', { class: 'field' }, h('span', {}, T('sheet')), h('input', { type: 'file', id: 'sheet', name: 'sheet', 'data-path': '$', accept: '.csv,.xlsx,text/csv' })),
  ], T('preview'), async (data) => {
    file = data.get('sheet');
    if (!file || !file.size) throw { status: 400, problem: { errors: [{ path: '$', message: T('required') }] } };
    await run('none');
  }, { id: 'upload-form' });
  layout(T('navUpload'), [form, preview]);
}

export async function labResultsScreen() {
  const doc = await api('GET', '/events?EQ_bizStep=inspecting&perPage=50');
  const events = (doc.epcisBody?.queryResults?.resultsBody?.eventList || []).slice(-30).reverse();
  const proofs = await Promise.all(events.map((e) => api('GET', `/events/${encodeURIComponent(e.eventID)}/proof`).catch(() => null)));
  const rows = events.map((e, i) => h('tr', {},
    h('td', {}, e['lab:analyte'] ?? ''), h('td', {}, (e.quantityList?.[0]?.epcClass || '').split('/01/')[1] ?? ''),
    h('td', {}, e['lab:verdict'] ? h('span', { class: `badge ${e['lab:verdict'] === 'pass' ? 'ok' : 'bad'}` }, T(e['lab:verdict'])) : ''),
    h('td', {}, fmtTime(e.eventTime)), h('td', {}, anchorBadge(proofs[i] ? { status: proofs[i].status, blockNumber: proofs[i].ledger?.blockNumber, txHash: proofs[i].ledger?.txHash } : null)),
    h('td', {}, e['lab:verdict'] === 'fail' ? h('a', { href: `#/lab?retestOf=${encodeURIComponent(e.eventID)}&gtin=${gtinOf(e)}&lot=${encodeURIComponent(lotOf(e))}&analyte=${encodeURIComponent(e['lab:analyte'] ?? '')}` }, T('retest')) : '')));
  layout(T('navResults'), h('section', { class: 'card' }, table([T('analyte'), T('lot'), T('verdict'), T('time'), T('anchoring'), ''], rows)));
}

const gtinOf = (e) => /\/01\/(\d{14})/.exec(e.quantityList?.[0]?.epcClass || '')?.[1] ?? '';
const lotOf = (e) => decodeURIComponent(/\/10\/([^/?]+)/.exec(e.quantityList?.[0]?.epcClass || '')?.[1] ?? '');
