// The console's core: a tiny DOM builder, the API client (cookie session + CSRF token), language, layout and status.
import { T, lang, setLang } from './i18n.js';

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

export const state = { session: null };

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

/** Calls the API as the signed-in session: the cookie goes by itself, writes carry the CSRF token. */
export async function api(method, path, body, { raw = false, contentType } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && state.session) headers['X-CSRF-Token'] = state.session.csrfToken;
  let payload;
  if (body instanceof Blob || body instanceof ArrayBuffer) { payload = body; headers['Content-Type'] = contentType; }
  else if (body !== undefined) { payload = JSON.stringify(body); headers['Content-Type'] = 'application/json'; }
  const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (response.status === 401 && state.session) { state.session = null; location.hash = '#/signin'; }
  const text = await response.text();
  const json = text ? (() => { try { return JSON.parse(text); } catch { return text; } })() : null;
  if (!response.ok) throw new ApiError(response.status, typeof json === 'object' ? json : { detail: text });
  return raw ? { status: response.status, body: json, headers: response.headers } : json;
}

/** Shows a problem's field errors beside the inputs whose data-path they name, and the rest at the top of the form. */
export function showErrors(form, error) {
  clearErrors(form);
  const box = form.querySelector('.form-error');
  const problem = error?.problem ?? { detail: String(error) };
  const unplaced = [];
  for (const e of problem.errors || []) {
    const field = findField(form, e.path);
    if (field) {
      field.classList.add('invalid');
      field.setAttribute('aria-invalid', 'true');
      field.parentElement.append(h('span', { class: 'field-error', 'data-error-for': e.path }, `${T('fieldInvalid')} ${e.message}`));
    } else unplaced.push(`${e.path}: ${e.message}`);
  }
  if (box) {
    box.hidden = false;
    box.textContent = `${T('problem', { status: error.status || '' })} ${problem.detail || ''}${unplaced.length ? ' · ' + unplaced.join(' · ') : ''}`;
  }
}

function findField(form, path) {
  let p = path;
  while (p) {
    const f = form.querySelector(`[data-path="${CSS.escape(p)}"]`);
    if (f) return f;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 1) break;
    p = p.slice(0, cut);
  }
  return null;
}

export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('.invalid').forEach((e) => { e.classList.remove('invalid'); e.removeAttribute('aria-invalid'); });
  const box = form.querySelector('.form-error');
  if (box) { box.hidden = true; box.textContent = ''; }
}

/** A labelled input whose data-path ties it to the API field it fills. */
export function field(label, name, { type = 'text', path, value, options, required, attrs = {} } = {}) {
  let input;
  if (options) {
    input = h('select', { name, 'data-path': path || `$.${name}`, ...attrs },
      options.map(([v, text]) => h('option', { value: v, selected: String(v) === String(value ?? '') }, text)));
  } else if (type === 'textarea') {
    input = h('textarea', { name, 'data-path': path || `$.${name}`, ...attrs }, value ?? '');
  } else {
    input = h('input', { name, type, 'data-path': path || `$.${name}`, value: value ?? undefined, required, ...attrs });
  }
  return h('label', { class: 'field', 'data-field': name }, h('span', {}, label), input);
}

export function formBox(title, children, submitLabel, onSubmit, { id } = {}) {
  const form = h('form', { class: 'card form', id, novalidate: true },
    title ? h('h2', {}, title) : null,
    h('p', { class: 'form-error', role: 'alert', hidden: true }),
    children,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, submitLabel)));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearErrors(form);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try { await onSubmit(new FormData(form), form); } catch (e) { showErrors(form, e); } finally { button.disabled = false; }
  });
  return form;
}

/** Local date-time input value → RFC 3339 with the browser's offset. */
export function withOffset(local) {
  if (!local) return undefined;
  const d = new Date(local);
  if (Number.isNaN(d.getTime())) return local;
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${local.length === 16 ? local + ':00' : local}${sign}${pad(off / 60)}:${pad(off % 60)}`;
}

export function nowLocal() {
  const d = new Date(Date.now() - new Date().getTimezoneOffset() * 60000);
  return d.toISOString().slice(0, 16);
}

export function anchorBadge(anchor) {
  const anchored = anchor && anchor.status === 'anchored';
  return h('span', { class: `badge ${anchored ? 'ok' : 'wait'}`, 'data-anchor': anchored ? 'anchored' : 'pending',
    title: anchored && anchor.txHash ? `tx ${anchor.txHash}` : '' },
    anchored ? `✓ ${T('anchored')}${anchor.blockNumber != null ? ' · #' + anchor.blockNumber : ''}` : `⏳ ${T('pending')}`);
}

export function table(headers, rows, attrs = {}) {
  return h('div', { class: 'table-wrap' }, h('table', attrs,
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', {}, x)))),
    h('tbody', {}, rows.length ? rows : [h('tr', {}, h('td', { colspan: headers.length, class: 'muted' }, T('none')))])));
}

export const fmtTime = (t) => (t ? new Date(t).toLocaleString(lang() === 'zh-CN' ? 'zh-CN' : 'en-GB', { hour12: false }) : '');

export function navFor(role) {
  const links = {
    admin: [['#/admin', T('navAdmin')]],
    regulator: [['#/regulator', T('navDashboard')], ['#/regulator/lot', T('navFind')], ['#/regulator/supervision', T('navSupervision')], ['#/regulator/export', T('navExport')]],
    lab: [['#/lab', T('navResult')], ['#/lab/upload', T('navUpload')], ['#/lab/results', T('navResults')]],
    producer: [['#/producer', T('navProducts')], ['#/producer/lots', T('navLots')], ['#/producer/ship', T('navShip')]],
    distributor: [['#/shop', T('navReceive')], ['#/shop/checks', T('navChecks')], ['#/shop/recalls', T('navRecalls')]],
    retailer: [['#/shop', T('navReceive')], ['#/shop/checks', T('navChecks')], ['#/shop/recalls', T('navRecalls')]],
  };
  return links[role] || [];
}

/** The frame of every screen: brand, who is signed in, navigation, language switch, sign-out, ledger and health status. */
export function layout(title, content) {
  const s = state.session;
  const langSwitch = h('nav', { class: 'lang', 'aria-label': 'language' },
    h('a', { href: '#', 'data-lang': 'zh-CN', 'aria-current': lang() === 'zh-CN' ? 'true' : null, onclick: (e) => { e.preventDefault(); setLang('zh-CN'); } }, '中文'),
    h('a', { href: '#', 'data-lang': 'en', 'aria-current': lang() === 'en' ? 'true' : null, onclick: (e) => { e.preventDefault(); setLang('en'); } }, 'English'));
  const header = h('header', { class: 'bar' },
    h('div', { class: 'who' }, h('strong', { class: 'brand' }, T('brand')), s ? h('span', { class: 'muted', id: 'signed-in' }, ` · ${s.name} (${T('role_' + s.role)})`) : null),
    h('div', { class: 'bar-right' }, langSwitch, s ? h('button', { id: 'sign-out', class: 'link', onclick: signOut }, T('signOut')) : null));
  const nav = s ? h('nav', { class: 'tabs' }, navFor(s.role).map(([href, text]) =>
    h('a', { href, 'aria-current': location.hash.split('?')[0] === href ? 'page' : null }, text))) : null;
  const status = h('div', { class: 'status', id: 'status', 'data-health': 'loading' }, T('statusLoading'));
  refreshStatus(status);
  document.title = `${title} · ${T('brand')}`;
  const main = h('main', { id: 'main' }, h('h1', {}, title), content);
  document.body.replaceChildren(header, status, nav || '', main);
  document.documentElement.lang = lang();
}

async function refreshStatus(el) {
  try {
    const r = await fetch('/health/ready', { headers: { Accept: 'application/json' } }).then((x) => x.json());
    const healthy = r.status === 'Healthy';
    el.dataset.health = healthy ? 'healthy' : 'degraded';
    el.className = `status ${healthy ? 'ok' : 'bad'}`;
    el.textContent = T('statusLine', {
      status: healthy ? T('healthy') : T('degraded'), block: r.chain.lastBlock ?? '—', chain: r.chain.chainId ?? '—',
      backlog: r.anchoring.backlog, anchoring: r.anchoring.status === 'Running' ? T('running') : T('stalled'),
    });
  } catch { el.dataset.health = 'unreachable'; el.textContent = T('statusDown'); el.className = 'status bad'; }
}

export async function signOut() {
  try { await api('DELETE', '/console/session'); } catch { /* already gone */ }
  state.session = null;
  location.hash = '#/signin';
}
