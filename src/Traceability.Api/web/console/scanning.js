// Scanning in the console reuses the scanner's reader (@zxing/browser) and its GS1 parser (wwwroot/js/scanlink.js).
import { BrowserMultiFormatReader } from '@zxing/browser';
import { BarcodeFormat, DecodeHintType } from '@zxing/library';
import { parseScan } from '../../wwwroot/js/scanlink.js';

const hints = new Map([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX, BarcodeFormat.CODE_128]], [DecodeHintType.TRY_HARDER, true]]);
const reader = new BrowserMultiFormatReader(hints);

export async function decodeImageFile(file) {
  const url = URL.createObjectURL(file);
  try { return (await reader.decodeFromImageUrl(url)).getText(); } finally { URL.revokeObjectURL(url); }
}

/** A GTIN + lot from a Digital Link or element string. */
export const parseCode = (text) => parseScan(text);

/** An SSCC from a pallet label: a Digital Link /00/… or an element string (00)…. */
export function parseSscc(text) {
  const m = /(?:\/00\/|\(00\)|^00)(\d{18})/.exec(String(text).trim());
  return m ? m[1] : null;
}
