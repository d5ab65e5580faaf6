// The consumer scanner page (wwwroot/scan.html, served at GET /scan). Bundled with @zxing/browser by
// scripts/build-web.mjs into wwwroot/lib/scan.bundle.js; nothing is loaded from anywhere but this origin.
//
// Camera scanning (BrowserMultiFormatReader: QR, Data Matrix, GS1-128) and a photo fallback both end in
// parseScan (wwwroot/js/scanlink.js): a GS1 Digital Link or GS1 element string naming a GTIN and lot opens the
// same-origin resolver page /01/{gtin14}/10/{lot}; anything else is explained on the page.
// For tests: <html data-scan-state> is 'ready' once the page can decode, 'decoding' while it reads a photo,
// 'navigating' when it leaves, 'error' after a message.

import { BrowserMultiFormatReader } from '@zxing/browser';
import { BarcodeFormat, DecodeHintType } from '@zxing/library';
import { parseScan } from '../wwwroot/js/scanlink.js';

const TEXTS = {
  en: {
    pageTitle: 'Scan a pack · Traceability',
    title: 'Scan the code on the pack',
    intro: 'Point your camera at the QR code on the package, or take a photo of it. You will see where the food came from and how it was checked.',
    cameraTitle: 'Camera',
    start: 'Start camera',
    stop: 'Stop camera',
    photo: 'Take or choose a photo',
    manualTitle: 'The code will not scan?',
    manualLabel: 'Type or paste the text under the code (a link, or (01)…(10)…)',
    go: 'Look up',
    loading: 'Loading the scanner…',
    ready: 'Ready. Start the camera or take a photo of the code.',
    scanning: 'Looking for a code… hold the pack steady inside the frame.',
    decoding: 'Reading the photo…',
    opening: 'Found product {gtin}, lot {lot}. Opening its record…',
    noCode: 'No code was found in the photo. Try again closer, with the code flat, sharp and well lit.',
    unreadable: 'The photo could not be opened as an image.',
    'no-lot': 'This code names the product ({gtin}) but not its lot. Scan the QR code printed next to the lot number.',
    'bad-gtin': 'The product number in this code has a wrong check digit: the code may be damaged, or it is not a GS1 code.',
    'bad-lot': 'The lot number in this code is not valid.',
    'not-gs1': 'This is not a GS1 product code with a lot number. It reads: {text}',
    empty: 'The code is empty.',
    noCamera: 'The camera cannot be used here (it needs a secure https:// page and a camera). Take a photo instead.',
    denied: 'Camera access was refused. Allow it in the browser settings, or take a photo instead.',
    cameraFailed: 'The camera could not be started ({message}). Take a photo instead.',
    switchTo: '中文',
  },
  'zh-CN': {
    pageTitle: '扫码溯源 · Traceability',
    title: '扫描包装上的二维码',
    intro: '将相机对准包装上的二维码，或拍一张照片，即可查看食品的来源和检验情况。',
    cameraTitle: '相机',
    start: '打开相机',
    stop: '关闭相机',
    photo: '拍照或选择图片',
    manualTitle: '无法扫描？',
    manualLabel: '输入或粘贴二维码下方的文字（链接，或 (01)…(10)…）',
    go: '查询',
    loading: '正在加载扫描器…',
    ready: '准备就绪。请打开相机或拍摄二维码照片。',
    scanning: '正在识别… 请将包装上的码保持在框内。',
    decoding: '正在识别照片…',
    opening: '已识别商品 {gtin}，批次 {lot}，正在打开溯源记录…',
    noCode: '照片中未找到二维码。请靠近一些，保持码面平整、清晰、光线充足后重试。',
    unreadable: '无法将该文件作为图片打开。',
    'no-lot': '此码只标识商品（{gtin}），不含批次。请扫描批号旁边的二维码。',
    'bad-gtin': '码中的商品编码校验位错误：码可能已损坏，或不是 GS1 编码。',
    'bad-lot': '码中的批号无效。',
    'not-gs1': '这不是带批号的 GS1 商品码。识别内容为：{text}',
    empty: '码中没有内容。',
    noCamera: '此处无法使用相机（需要安全的 https:// 页面和相机）。请改为拍照。',
    denied: '相机权限被拒绝。请在浏览器设置中允许，或改为拍照。',
    cameraFailed: '无法启动相机（{message}）。请改为拍照。',
    switchTo: 'English',
  },
};

const LANGUAGE_KEY = 'traceability.language';
const $ = (id) => document.getElementById(id);
const root = document.documentElement;

let language = initialLanguage();
let lastStatus = { key: 'loading', values: {}, kind: 'info' };
let controls = null;

const hints = new Map([
  [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX, BarcodeFormat.CODE_128, BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A]],
  [DecodeHintType.TRY_HARDER, true],
]);
const reader = new BrowserMultiFormatReader(hints, { delayBetweenScanAttempts: 150 });

/** ?lang= (zh-CN or en) first, as on every other page; then the choice this phone made before; then its language. */
function initialLanguage() {
  const asked = supported(new URLSearchParams(window.location.search).get('lang'));
  if (asked) return asked;
  try {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    if (saved in TEXTS) return saved;
  } catch {
    // storage may be disabled; fall back to the browser's language
  }
  const preferred = navigator.languages?.[0] ?? navigator.language ?? 'en';
  return preferred.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

function supported(tag) {
  if (!tag) return null;
  const lower = tag.toLowerCase();
  return lower.startsWith('zh') ? 'zh-CN' : lower.startsWith('en') ? 'en' : null;
}

/** The page's address with ?lang= set to the language shown, so a reload or a shared link keeps it. */
function rememberInAddress() {
  const url = new URL(window.location.href);
  if (url.searchParams.get('lang') === language) return;
  url.searchParams.set('lang', language);
  window.history.replaceState(null, '', url);
}

function text(key, values = {}) {
  const template = TEXTS[language][key] ?? TEXTS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

function render() {
  root.lang = language;
  document.title = text('pageTitle');
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = text(element.dataset.i18n);
  const other = language === 'en' ? 'zh-CN' : 'en';
  $('language').textContent = text('switchTo');
  $('language').lang = other;
  showStatus(lastStatus.key, lastStatus.values, lastStatus.kind);
}

function showStatus(key, values = {}, kind = 'info') {
  lastStatus = { key, values, kind };
  const status = $('status');
  status.textContent = text(key, values);
  status.dataset.kind = kind;
  status.dataset.code = key;
}

function setState(state) {
  root.dataset.scanState = state;
}

/** A decoded code: open the lot's page, or say why not. */
function handleScanned(scanned) {
  const result = parseScan(scanned);
  if (result.ok) {
    stopCamera();
    showStatus('opening', { gtin: result.gtin, lot: result.lot }, 'ok');
    setState('navigating');
    // The resolver page opens in the language the scanner speaks.
    window.location.assign(`${result.path}?lang=${encodeURIComponent(language)}`);
    return;
  }
  const shown = scanned.length > 120 ? scanned.slice(0, 117) + '…' : scanned;
  showStatus(result.code, { gtin: result.gtin ?? '', text: shown.replace(/\u001d/g, '␝') }, 'error');
  setState('error');
}

// ---- Camera ----

async function startCamera() {
  if (!navigator.mediaDevices?.getUserMedia) {
    showStatus('noCamera', {}, 'error');
    setState('error');
    return;
  }
  $('viewfinder').hidden = false;
  $('start').hidden = true;
  $('stop').hidden = false;
  showStatus('scanning');
  try {
    controls = await reader.decodeFromConstraints(
      { video: { facingMode: { ideal: 'environment' } }, audio: false },
      $('preview'),
      (result) => {
        if (result) handleScanned(result.getText());
      },
    );
  } catch (error) {
    stopCamera();
    const denied = error?.name === 'NotAllowedError' || error?.name === 'SecurityError';
    showStatus(denied ? 'denied' : 'cameraFailed', { message: error?.name ?? String(error) }, 'error');
    setState('error');
  }
}

function stopCamera() {
  controls?.stop();
  controls = null;
  $('viewfinder').hidden = true;
  $('start').hidden = false;
  $('stop').hidden = true;
}

// ---- Photo ----

/**
 * The photo decoded into memory. createImageBitmap keeps the pixels, so drawing never goes back to a blob: URL
 * (an <img> may drop its decoded pixels and find the URL already revoked); an <img> is the fallback for old browsers.
 */
async function loadPicture(file) {
  if (typeof createImageBitmap === 'function') {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    return { source: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() };
  }
  const url = URL.createObjectURL(file);
  const image = new Image();
  image.src = url;
  try {
    await image.decode();
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
  return { source: image, width: image.naturalWidth, height: image.naturalHeight, release: () => URL.revokeObjectURL(url) };
}

/** The picture drawn on a canvas whose longer side is at most maxSide pixels (null: its own size). */
function canvasOf(picture, maxSide) {
  const scale = maxSide === null ? 1 : Math.min(1, maxSide / Math.max(picture.width, picture.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(picture.width * scale));
  canvas.height = Math.max(1, Math.round(picture.height * scale));
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.fillStyle = '#fff'; // transparent PNGs: codes are dark on light
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(picture.source, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/** Phone photos are large and codes small or blurred: try a few sizes before giving up. */
function decodePicture(picture) {
  for (const maxSide of [1600, 1000, 640, 2400, null]) {
    try {
      return reader.decodeFromCanvas(canvasOf(picture, maxSide)).getText();
    } catch {
      // not found at this size; try the next
    }
  }
  return null;
}

async function decodePhoto(file) {
  stopCamera();
  setState('decoding');
  showStatus('decoding');
  let picture;
  try {
    picture = await loadPicture(file);
  } catch {
    showStatus('unreadable', {}, 'error');
    setState('error');
    return;
  }
  await new Promise((resolve) => setTimeout(resolve, 0)); // let the status paint before the CPU-bound decode
  let scanned;
  try {
    scanned = decodePicture(picture);
  } finally {
    picture.release();
  }
  if (scanned === null) {
    showStatus('noCode', {}, 'error');
    setState('error');
    return;
  }
  handleScanned(scanned);
}

// ---- Wiring ----

$('language').addEventListener('click', () => {
  language = language === 'en' ? 'zh-CN' : 'en';
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // not remembered; the switch still applies to this page
  }
  rememberInAddress();
  render();
});
$('start').addEventListener('click', startCamera);
$('stop').addEventListener('click', () => {
  stopCamera();
  showStatus('ready');
});
$('photo').addEventListener('change', (event) => {
  const file = event.target.files?.[0];
  event.target.value = '';
  if (file) decodePhoto(file);
});
$('manual').addEventListener('submit', (event) => {
  event.preventDefault();
  handleScanned($('manual-text').value);
});
window.addEventListener('pagehide', stopCamera);

render();
showStatus('ready');
setState('ready');
