// The console (GET /console): a small client app over the same API every client uses. Hash routes per role; the
// session cookie is HttpOnly, so the page learns who is signed in (and the CSRF token) from GET /console/session.
// For tests: <html data-console-state> is 'ready' after each screen has rendered its data.
import { h, api, state, layout, formBox, field, showErrors } from './core.js';
import { T, lang } from './i18n.js';
import { adminScreen } from './admin.js';
import { dashboardScreen, findScreen, recallScreen, supervisionScreen, exportScreen } from './regulator.js';
import { labFormScreen, labUploadScreen, labResultsScreen } from './lab.js';
import { productsScreen, lotsScreen, shipScreen } from './producer.js';
import { receiveScreen, checksScreen, shopRecallsScreen } from './shop.js';

const routes = {
  '#/admin': adminScreen,
  '#/regulator': dashboardScreen,
  '#/regulator/lot': findScreen,
  '#/regulator/recall': recallScreen,
  '#/regulator/supervision': supervisionScreen,
  '#/regulator/export': exportScreen,
  '#/lab': labFormScreen,
  '#/lab/upload': labUploadScreen,
  '#/lab/results': labResultsScreen,
  '#/producer': productsScreen,
  '#/producer/lots': lotsScreen,
  '#/producer/ship': shipScreen,
  '#/shop': receiveScreen,
  '#/shop/checks': checksScreen,
  '#/shop/recalls': shopRecallsScreen,
};

const home = { admin: '#/admin', regulator: '#/regulator', lab: '#/lab', producer: '#/producer', distributor: '#/shop', retailer: '#/shop' };

// Which role may open which screens (the API refuses anyway; this keeps a user from a screen full of 403s).
const allowed = (role, route) => route === home[role] || (route.startsWith(home[role] + '/'))
  || ((role === 'distributor' || role === 'retailer') && route.startsWith('#/shop'));

export function params() {
  const q = location.hash.split('?')[1] || '';
  return new URLSearchParams(q);
}

async function render() {
  document.documentElement.dataset.consoleState = 'loading';
  const route = location.hash.split('?')[0] || '#/';
  if (!state.session) {
    try { state.session = await api('GET', '/console/session'); } catch { state.session = null; }
  }
  if (!state.session) return signInScreen();
  if (route === '#/' || route === '#/signin') { location.hash = home[state.session.role]; return; }
  const screen = routes[route];
  if (!screen || !allowed(state.session.role, route)) {
    layout(T('notYours'), h('section', { class: 'card' }, h('p', { id: 'not-yours' }, T('notYoursText'))));
    document.documentElement.dataset.consoleState = 'ready';
    return;
  }
  try {
    await screen(params());
  } catch (e) {
    layout(T('problem', { status: e.status || '' }), h('section', { class: 'card' }, h('p', { class: 'form-error' }, e.message)));
  }
  document.documentElement.dataset.consoleState = 'ready';
}

function signInScreen() {
  const form = formBox(T('signInTitle'), [
    h('p', { class: 'muted' }, T('signInText')),
    field(T('apiKey'), 'key', { type: 'password', path: 'Authorization', attrs: { autocomplete: 'off', id: 'key' } }),
  ], T('signIn'), async (data, f) => {
    const key = String(data.get('key') || '').trim();
    if (!key) { showErrors(f, { problem: { errors: [{ path: 'Authorization', message: T('required') }] } }); return; }
    const response = await fetch('/console/session', { method: 'POST', headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' } });
    f.reset(); // the key leaves the page as soon as it has been sent once
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      showErrors(f, { status: response.status, problem: { detail: response.status === 401 ? T('badKey') : problem.detail } });
      return;
    }
    state.session = await response.json();
    location.hash = home[state.session.role];
  }, { id: 'sign-in' });
  layout(T('signInTitle'), form);
  document.documentElement.dataset.consoleState = 'ready';
}

window.addEventListener('hashchange', render);
window.addEventListener('console-language', render);
document.documentElement.lang = lang();
render();
