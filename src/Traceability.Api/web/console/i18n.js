// Chinese (zh-CN) and English. ?lang= first, then the choice kept in this browser, then the browser's language.
import { zh, en } from './texts.js';

const KEY = 'trace-console-lang';
let current = pick();

function pick() {
  const q = new URLSearchParams(location.search).get('lang');
  if (q === 'zh-CN' || q === 'en') return q;
  const kept = localStorage.getItem(KEY);
  if (kept === 'zh-CN' || kept === 'en') return kept;
  return (navigator.languages || [navigator.language]).some((l) => /^zh\b/i.test(l || '')) ? 'zh-CN' : 'en';
}

export const lang = () => current;

export function setLang(value) {
  current = value;
  localStorage.setItem(KEY, value);
  const url = new URL(location.href);
  url.searchParams.set('lang', value);
  history.replaceState(null, '', url);
  window.dispatchEvent(new Event('console-language'));
}

export function T(key, vars = {}) {
  const text = (current === 'zh-CN' ? zh : en)[key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
}

/** A unit's name in the page's language, from the API's Rec 20 table. */
export const unitName = (u) => `${current === 'zh-CN' ? u.chinese : u.name} (${u.code})`;
