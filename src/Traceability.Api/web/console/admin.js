// The consortium admin's screen: create organisations (role, GLN, GS1 company prefixes); the key is shown once.
import { h, api, layout, formBox, field, table, fmtTime } from './core.js';
import { T } from './i18n.js';

export async function adminScreen() {
  const orgs = await api('GET', '/admin/orgs');
  const created = h('div', { id: 'created' });
  const form = formBox(T('createOrg'), [
    field(T('name'), 'name', { path: '$.name' }),
    field(T('roleLabel'), 'role', { path: '$.role', options: ['producer', 'distributor', 'lab', 'retailer', 'regulator'].map((r) => [r, T('role_' + r)]) }),
    h('div', { class: 'grid2' }, field('GLN', 'gln', { path: '$.gln' }), field(T('companyPrefixes'), 'prefixes', { path: '$.companyPrefixes', attrs: { placeholder: '6901234100, …' } })),
    created,
  ], T('create'), async (data, f) => {
    const prefixes = String(data.get('prefixes') || '').split(/[\s,，]+/).filter(Boolean);
    const org = await api('POST', '/admin/orgs', { name: data.get('name'), role: data.get('role'), gln: data.get('gln') || undefined, companyPrefixes: prefixes });
    f.querySelectorAll('input').forEach((i) => { i.value = ''; });
    created.replaceChildren(h('div', { class: 'card warnbox', id: 'new-key' }, h('h3', {}, T('keyOnce', { name: org.name })),
      h('code', { class: 'hash', id: 'api-key' }, org.apiKey), h('p', {}, T('keyOnceText'))));
  }, { id: 'create-org' });
  layout(T('navAdmin'), [form, h('section', { class: 'card' }, h('h2', {}, T('organisations')),
    table([T('name'), T('roleLabel'), 'GLN', T('companyPrefixes'), T('created')], orgs.map((o) => h('tr', {},
      h('td', {}, o.name), h('td', {}, T('role_' + o.role)), h('td', {}, o.gln ?? ''), h('td', {}, o.companyPrefixes.join(', ')), h('td', {}, fmtTime(o.createdAt))))))]);
}
