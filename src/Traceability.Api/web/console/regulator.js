// The regulator's screens: dashboard, find a lot (scan, paste, type) and its trace graph with recall ordering,
// a recall's acknowledgements and lifting, rapid-test supervision, the FSMA 204 export.
import { h, api, layout, formBox, field, table, anchorBadge, fmtTime, withOffset } from './core.js';
import { T, lang } from './i18n.js';
import { drawGraph } from './graph.js';
import { decodeImageFile, parseCode } from './scanning.js';

export async function dashboardScreen() {
  const d = await api('GET', '/dashboard');
  const alerts = table([T('lot'), T('detail'), T('raised'), T('handling')], d.alerts.map((a) => h('tr', { 'data-alert': a.id },
    h('td', {}, h('a', { href: `#/regulator/lot?gtin=${a.gtin}&lot=${encodeURIComponent(a.lot)}` }, `${a.gtin} · ${a.lot}`)),
    h('td', {}, a.detail), h('td', {}, `${a.raisedBy} ${fmtTime(a.at)}`),
    h('td', {}, h('span', { class: `badge ${a.flagged ? 'bad' : a.handling.startsWith('handled') ? 'ok' : 'wait'}` }, T('status_' + a.handling)),
      a.recalled ? h('span', { class: 'badge bad' }, T('recalled')) : null))));
  const recalls = table([T('recall'), T('reason'), T('acknowledged'), T('removed')], d.recalls.map((r) => h('tr', { 'data-recall': r.id, 'data-acknowledged': r.partiesAcknowledged, 'data-parties': r.parties },
    h('td', {}, h('a', { href: `#/regulator/recall?id=${r.id}` }, `${r.gtin} · ${r.lot}`), h('div', { class: 'muted' }, `${T('class')} ${r.classification} · ${fmtTime(r.createdAt)}`)),
    h('td', {}, r.reason),
    h('td', {}, h('progress', { max: r.parties, value: r.partiesAcknowledged }), ` ${r.partiesAcknowledged} / ${r.parties}`),
    h('td', {}, Object.entries(r.quantityRemoved).map(([u, q]) => `${q} ${u}`).join(', ') || '—'))));
  const health = d.health;
  const captures = table([T('event'), T('writer'), T('recorded'), T('anchoring')], d.lastCaptures.map((c) => h('tr', {},
    h('td', {}, `${c.type} ${c.bizStep ?? ''}`), h('td', {}, c.writer, c.standing === 'third-party' ? h('span', { class: 'badge warn' }, T('thirdParty')) : null),
    h('td', {}, fmtTime(c.recordTime)), h('td', {}, anchorBadge(c.anchor)))));
  layout(T('navDashboard'), [
    h('section', { class: 'card', id: 'alerts' }, h('h2', {}, T('openAlerts')), alerts),
    h('section', { class: 'card', id: 'recalls' }, h('h2', {}, T('activeRecalls')), recalls),
    h('section', { class: 'card', id: 'anchoring' }, h('h2', {}, T('anchoringHealth')),
      h('dl', { class: 'facts' },
        h('dt', {}, T('ledger')), h('dd', {}, `${health.chain.status} · chain ${health.chain.chainId ?? '—'} · #${health.chain.lastBlock ?? '—'}`),
        h('dt', {}, T('anchoring')), h('dd', {}, `${health.anchoring.status} · ${T('backlog')} ${health.anchoring.backlog}`),
        h('dt', {}, T('store')), h('dd', {}, `${health.store.kind} · ${health.store.events} ${T('events')}`))),
    h('section', { class: 'card', id: 'captures' }, h('h2', {}, T('lastCaptures')), captures),
  ]);
}

export async function findScreen(params) {
  const gtin = params.get('gtin');
  const lot = params.get('lot');
  const scanStatus = h('p', { class: 'muted', id: 'scan-status' });
  const go = (parsed) => { location.hash = `#/regulator/lot?gtin=${parsed.gtin}&lot=${encodeURIComponent(parsed.lot)}`; };
  const find = formBox(T('findLot'), [
    h('div', { class: 'grid2' }, field('GTIN', 'gtin', { value: gtin, path: 'gtin' }), field(T('lot'), 'lot', { value: lot, path: 'lot' })),
    field(T('pasteCode'), 'code', { path: 'code', attrs: { placeholder: 'https://…/01/…/10/… · (01)…(10)…' } }),
    h('label', { class: 'field' }, h('span', {}, T('scanPhoto')),
      h('input', { type: 'file', accept: 'image/*', capture: 'environment', id: 'scan-photo', onchange: async (e) => {
        const file = e.target.files[0];
        if (!file) return;
        scanStatus.textContent = T('decoding');
        try { const text = await decodeImageFile(file); const parsed = parseCode(text); if (parsed.ok) go(parsed); else scanStatus.textContent = T('notALot', { text }); }
        catch { scanStatus.textContent = T('noCode'); }
      } })),
    scanStatus,
  ], T('find'), async (data, form) => {
    const code = String(data.get('code') || '').trim();
    if (code) {
      const parsed = parseCode(code);
      if (!parsed.ok) throw { status: 400, problem: { errors: [{ path: 'code', message: T('notALot', { text: code }) }] } };
      return go(parsed);
    }
    go({ gtin: String(data.get('gtin')).trim(), lot: String(data.get('lot')).trim() });
  }, { id: 'find' });
  const parts = [find];
  if (gtin && lot) parts.push(...await lotView(gtin, lot));
  layout(T('navFind'), parts);
}

async function lotView(gtin, lot) {
  const graph = await api('GET', `/trace/${encodeURIComponent(gtin)}/${encodeURIComponent(lot)}/graph?direction=both`);
  const panel = h('section', { class: 'card', id: 'node-panel' }, h('p', { class: 'muted' }, T('clickNode')));
  const canvas = h('div', { id: 'graph', class: 'graph' });
  const legend = h('p', { class: 'legend' }, h('span', { class: 'key recalled' }, T('recalled')), h('span', { class: 'key nonconformant' }, T('nonConformant')),
    h('span', { class: 'key third' }, T('thirdPartyNode')), h('span', { class: 'key root' }, T('thisLot')));
  const exportLinks = h('div', { class: 'actions' });
  const section = h('section', { class: 'card', id: 'trace' }, h('h2', {}, T('traceGraph', { n: graph.nodes.length })), legend, canvas, exportLinks,
    graph.truncated ? h('p', { class: 'badge warn' }, T('truncated')) : null);
  setTimeout(() => {
    const cy = drawGraph(canvas, graph, (node) => showNode(panel, node));
    exportLinks.append(
      h('button', { type: 'button', id: 'export-png', onclick: () => download(cy.png({ full: true, scale: 2, output: 'blob', bg: '#ffffff' }), `trace-${lot}.png`) }, T('exportPng')),
      h('button', { type: 'button', id: 'export-svg', onclick: () => download(new Blob([cy.svg({ full: true, bg: '#ffffff' })], { type: 'image/svg+xml' }), `trace-${lot}.svg`) }, T('exportSvg')),
      h('button', { type: 'button', id: 'export-fsma', onclick: (e) => fetchExport(new URLSearchParams({ gtin, lot, format: 'csv' }))
        .catch((err) => { e.target.after(h('span', { class: 'form-error' }, `${T('problem', { status: err.status || '' })} ${err.problem?.detail ?? ''}`)); }) }, T('exportFsma')));
    document.documentElement.dataset.graph = 'drawn';
  }, 0);
  showNode(panel, graph.nodes.find((n) => n.root));
  return [section, panel, await recallOrder(gtin, lot)];
}

function download(blob, name) {
  const a = h('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a); a.click(); a.remove();
}

async function showNode(panel, node) {
  if (!node) return;
  if (node.kind !== 'lot') {
    panel.replaceChildren(h('h2', {}, node.label), h('p', {}, node.kind === 'party' ? (node.member ? T('member') : T('thirdPartyNode')) : T('logisticUnit')),
      node.recalled ? h('p', { class: 'badge bad' }, T('recalled')) : null);
    return;
  }
  panel.replaceChildren(h('p', { class: 'muted' }, T('loading')));
  const v = await api('GET', `/lots/${node.gtin}/${encodeURIComponent(node.lot)}`);
  const name = v.productName[lang()] || v.productName['zh-CN'] || v.productName.en || v.gtin;
  panel.replaceChildren(
    h('h2', {}, `${name} · ${v.lot}`),
    h('p', {}, v.nonConformant ? h('span', { class: 'badge bad' }, T('nonConformant')) : h('span', { class: 'badge ok' }, T('conformant')),
      v.recalls.filter((r) => r.status === 'active').length ? h('span', { class: 'badge bad' }, T('recalled')) : null),
    h('dl', { class: 'facts' }, h('dt', {}, T('creator')), h('dd', {}, v.creator ?? '—'), h('dt', {}, T('holder')), h('dd', {}, v.holder ?? '—')),
    h('h3', {}, T('labResults')),
    table([T('analyte'), T('result'), T('verdict'), T('lab')], v.labResults.map((r) => h('tr', {},
      h('td', {}, r.analyte, r.retestOf ? h('span', { class: 'badge' }, T('retest')) : null), h('td', {}, `${r.found} · ${r.method}`),
      h('td', {}, h('span', { class: `badge ${r.verdict === 'pass' ? 'ok' : 'bad'}` }, T(r.verdict))),
      h('td', {}, r.lab, r.testSite ? ` · ${r.testSite}` : '', r.photoSha256 ? h('a', { href: `/lab-results/photos/${r.photoSha256}`, target: '_blank', class: 'photo-link' }, ` 📷 ${T('photo')}`) : null)))),
    h('h3', {}, T('eventsOfLot')),
    table([T('event'), T('writer'), T('time'), T('anchoring')], v.events.map((e) => h('tr', { 'data-event': e.eventId },
      h('td', {}, `${e.type} · ${e.bizStep ?? ''}`, e.declared ? h('span', { class: 'badge warn' }, T('declared')) : null,
        e.standing === 'third-party' ? h('span', { class: 'badge warn' }, T('thirdParty')) : null),
      h('td', {}, e.writer), h('td', {}, fmtTime(e.eventTime)),
      h('td', {}, anchorBadge(e.anchor), ' ', h('a', { href: `/events/${encodeURIComponent(e.eventId)}/proof`, target: '_blank' }, T('proof')))))));
}

async function recallOrder(gtin, lot) {
  const preview = h('div', { id: 'blast-radius' });
  const form = formBox(T('orderRecall'), [
    field(T('reason'), 'reason', { type: 'textarea', path: '$.reason' }),
    field(T('class'), 'classification', { path: '$.classification', options: [['I', T('classI')], ['II', T('classII')], ['III', T('classIII')]] }),
    preview,
  ], T('previewRecall'), async (data, f) => {
    if (!preview.dataset.ready) {
      const fwd = await api('GET', `/trace/${gtin}/${encodeURIComponent(lot)}/graph?direction=forward`);
      const lots = fwd.nodes.filter((n) => n.kind === 'lot');
      const units = fwd.nodes.filter((n) => n.kind === 'unit');
      const byGln = new Map(fwd.nodes.filter((n) => n.kind === 'party').map((n) => [n.id.slice(5), n])); // a party and its place are one
      const parties = [...byGln.values()];
      preview.replaceChildren(h('div', { class: 'card warnbox' }, h('h3', {}, T('blastRadius')),
        h('p', { id: 'blast-counts' }, T('blastCounts', { lots: lots.length, units: units.length, parties: parties.length })),
        h('ul', {}, lots.map((n) => h('li', {}, n.label)), units.map((n) => h('li', {}, n.label)), parties.map((n) => h('li', {}, n.label)))));
      preview.dataset.ready = '1';
      f.querySelector('button[type=submit]').textContent = T('confirmRecall');
      return;
    }
    const recall = await api('POST', '/recalls', { gtin, lot, reason: data.get('reason'), classification: data.get('classification') });
    location.hash = `#/regulator/recall?id=${recall.id}`;
  }, { id: 'recall-form' });
  form.setAttribute('data-idempotency', crypto.randomUUID());
  return form;
}

export async function recallScreen(params) {
  const id = params.get('id');
  const r = await api('GET', `/recalls/${encodeURIComponent(id)}`);
  const parties = table([T('party'), T('acknowledged'), T('removed'), T('note')], r.parties.map((p) => h('tr', { 'data-party': p.orgId, 'data-acknowledged': String(p.acknowledged) },
    h('td', {}, p.name), h('td', {}, p.acknowledged ? h('span', { class: 'badge ok' }, '✓ ' + T('yes')) : h('span', { class: 'badge wait' }, T('no'))),
    h('td', {}, p.acknowledgements.map((a) => `${a.quantityRemoved} ${a.unit}`).join(', ')),
    h('td', {}, p.acknowledgements.map((a) => a.note || '').join(' ')))));
  const lift = r.status === 'active' ? formBox(T('liftRecall'), [field(T('reason'), 'reason', { type: 'textarea', path: '$.reason' })], T('lift'), async (data) => {
    await api('POST', `/recalls/${id}/lift`, { reason: data.get('reason') });
    location.reload();
  }, { id: 'lift-form' }) : h('p', { class: 'badge ok' }, T('liftedBecause', { reason: r.lifted?.reason ?? '' }));
  layout(T('recall'), [
    h('section', { class: 'card', id: 'recall', 'data-status': r.status },
      h('h2', {}, `${r.origin.gtin} · ${r.origin.lot}`),
      h('dl', { class: 'facts' },
        h('dt', {}, T('status')), h('dd', {}, h('span', { class: `badge ${r.status === 'active' ? 'bad' : 'ok'}` }, T('recall_' + r.status))),
        h('dt', {}, T('reason')), h('dd', {}, r.reason), h('dt', {}, T('class')), h('dd', {}, r.classification),
        h('dt', {}, T('affected')), h('dd', {}, [r.origin, ...r.affectedLots].map((l) => `${l.lot}`).join(', '), r.affectedUnits.length ? ` · SSCC ${r.affectedUnits.join(', ')}` : ''),
        h('dt', {}, T('onChain')), h('dd', {}, r.txHashes.map((t) => h('code', { class: 'hash' }, t)))),
      h('p', { id: 'ack-progress' }, T('ackProgress', { n: r.partiesAcknowledged, of: r.parties.length }))),
    h('section', { class: 'card' }, h('h2', {}, T('acknowledgements')), parties),
    lift,
  ]);
  if (r.status === 'active') setTimeout(() => { if (location.hash.includes(id)) window.dispatchEvent(new Event('hashchange')); }, 3000);
}

export async function supervisionScreen(params) {
  const from = params.get('from') || '';
  const to = params.get('to') || '';
  const s = await api('GET', `/supervision/rapid-tests?${new URLSearchParams(Object.entries({ from, to }).filter(([, v]) => v))}`);
  const filter = formBox(null, [h('div', { class: 'grid2' },
    field(T('from'), 'from', { type: 'date', value: s.from, path: 'from' }), field(T('to'), 'to', { type: 'date', value: s.to, path: 'to' }))],
    T('show'), async (data) => { location.hash = `#/regulator/supervision?from=${data.get('from')}&to=${data.get('to')}`; });
  const groups = table([T('site'), T('analyte'), T('day'), T('tests'), T('failed'), T('failureRate')], s.groups.map((g) => h('tr', {},
    h('td', {}, g.site), h('td', {}, g.analyte), h('td', {}, g.day), h('td', {}, g.tests), h('td', {}, g.failed),
    h('td', {}, `${(g.failureRate * 100).toFixed(1)} %`))));
  const failures = s.failures.map((f) => h('article', { class: `card failure ${f.flagged ? 'flagged' : ''}`, 'data-failure': f.eventId, 'data-status': f.status },
    h('h3', {}, `${f.analyte} · ${f.found}`, ' ', h('span', { class: `badge ${f.flagged ? 'bad' : f.status.startsWith('handled') ? 'ok' : 'wait'}` },
      T('status_' + f.status), f.flagged ? ` · ${T('over72')}` : '')),
    h('p', {}, `${f.site}${f.vendor ? ' · ' + f.vendor : ''} · ${f.gtin} · ${f.lot} · ${fmtTime(f.testedAt)} · ${f.labName}`),
    f.samplingOrderNo ? h('p', { class: 'muted' }, `${T('samplingOrderNo')}: ${f.samplingOrderNo}`) : null,
    f.photoSha256 ? h('a', { href: `/lab-results/photos/${f.photoSha256}`, target: '_blank' }, `📷 ${T('photo')}`) : null,
    f.followUp ? h('p', { class: 'followup' }, `${T('followUp')}: ${f.followUp.action}${f.followUp.retestVerdict ? ` · ${T('retest')} ${T(f.followUp.retestVerdict)}` : ''} · ${fmtTime(f.followUp.handledAt)}`) : null,
    formBox(null, [
      field(T('action'), 'action', { path: '$.action', value: f.followUp?.action }),
      field(T('retest'), 'retestEventId', { path: '$.retestEventId', options: [['', '—'], ...f.retests.map((r) => [r.eventId, `${T(r.verdict)} · ${fmtTime(r.testedAt)}`])] }),
      field(T('samplingOrderNo'), 'samplingOrderNo', { path: '$.samplingOrderNo', value: f.followUp?.samplingOrderNo ?? f.samplingOrderNo }),
    ], T('recordFollowUp'), async (data) => {
      await api('POST', '/supervision/follow-ups', { resultEventId: f.eventId, action: data.get('action'), retestEventId: data.get('retestEventId') || null,
        samplingOrderNo: data.get('samplingOrderNo') || null });
      window.dispatchEvent(new Event('hashchange'));
    })));
  layout(T('navSupervision'), [filter,
    h('section', { class: 'card', id: 'supervision-summary' }, h('h2', {}, T('supervisionSummary', { tests: s.tests, failed: s.failed, rate: (s.failureRate * 100).toFixed(1) })), groups),
    h('section', { id: 'failures' }, h('h2', {}, T('failures')), failures.length ? failures : h('p', { class: 'muted' }, T('none')))]);
}

export async function exportScreen(params) {
  const lotForm = formBox(T('exportLot'), [h('div', { class: 'grid2' },
    field('GTIN', 'gtin', { path: 'gtin', value: params.get('gtin') }), field(T('lot'), 'lot', { path: 'lot', value: params.get('lot') })),
    field(T('format'), 'format', { options: [['csv', 'CSV'], ['xlsx', 'XLSX']] })], T('download'), async (data) => fetchExport(query(data, ['gtin', 'lot', 'format'])));
  const rangeForm = formBox(T('exportRange'), [h('div', { class: 'grid2' }, field(T('from'), 'from', { type: 'date', path: 'from' }), field(T('to'), 'to', { type: 'date', path: 'to' })),
    field(T('format'), 'format', { options: [['csv', 'CSV'], ['xlsx', 'XLSX']] })], T('download'), async (data) => fetchExport(query(data, ['from', 'to', 'format'])));
  layout(T('navExport'), [h('p', { class: 'muted' }, T('exportText')), lotForm, rangeForm]);
}

const query = (data, names) => new URLSearchParams(names.map((n) => [n, String(data.get(n) || '')]).filter(([, v]) => v));

/** Downloads GET /exports/fsma204?… as a file; a refusal is thrown as a problem for the form to show. */
async function fetchExport(q) {
  const response = await fetch(`/exports/fsma204?${q}`, { headers: { Accept: 'text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/problem+json' } });
  if (!response.ok) { const p = await response.json().catch(() => ({})); throw { status: response.status, problem: p }; }
  download(await response.blob(), `fsma204.${q.get('format') || 'csv'}`);
}
