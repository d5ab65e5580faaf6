// JSON text → values for the event hash. JSON.parse turns a number literal beyond the double range into Infinity,
// while the C# hash writes such a literal as sent; this parser keeps those literals as JsonNumber (their text) and
// gives every other number as a plain JS number, which hashes exactly as the C# code hashes its text.
// Objects are plain objects (a "__proto__" member is an ordinary own property, as with JSON.parse).

import { JsonNumber } from './hashvalues.js';

export { JsonNumber };

/** Parses JSON text; throws SyntaxError on malformed input. */
export function parseJson(text) {
  const parser = new Parser(String(text));
  parser.space();
  const value = parser.value();
  parser.space();
  if (parser.at < parser.text.length) parser.fail('unexpected text after the JSON value');
  return value;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Parser {
  constructor(text) {
    this.text = text;
    this.at = 0;
  }

  fail(message) {
    throw new SyntaxError(`${message} at offset ${this.at}`);
  }

  space() {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text[this.at])) this.at++;
  }

  value() {
    const c = this.text[this.at];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]]) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    return this.fail('expected a JSON value');
  }

  object() {
    const result = {};
    this.at++;
    this.space();
    if (this.text[this.at] === '}') {
      this.at++;
      return result;
    }
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') this.fail('expected a member name');
      const name = this.string();
      this.space();
      if (this.text[this.at] !== ':') this.fail("expected ':'");
      this.at++;
      this.space();
      Object.defineProperty(result, name, { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.space();
      const c = this.text[this.at++];
      if (c === '}') return result;
      if (c !== ',') this.fail("expected ',' or '}'");
    }
  }

  array() {
    const result = [];
    this.at++;
    this.space();
    if (this.text[this.at] === ']') {
      this.at++;
      return result;
    }
    for (;;) {
      this.space();
      result.push(this.value());
      this.space();
      const c = this.text[this.at++];
      if (c === ']') return result;
      if (c !== ',') this.fail("expected ',' or ']'");
    }
  }

  string() {
    let out = '';
    this.at++;
    for (;;) {
      const c = this.text[this.at++];
      if (c === undefined) this.fail('unterminated string');
      if (c === '"') return out;
      if (c < ' ') this.fail('control character in string');
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.text[this.at++];
      if (e === 'u') {
        const hex = this.text.slice(this.at, this.at + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
        out += String.fromCharCode(parseInt(hex, 16));
        this.at += 4;
      } else if (Object.hasOwn(ESCAPES, e)) {
        out += ESCAPES[e];
      } else {
        this.fail('bad escape');
      }
    }
  }

  number() {
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (match === null) this.fail('bad number');
    this.at += match[0].length;
    const value = Number(match[0]);
    return Number.isFinite(value) ? value : new JsonNumber(match[0]);
  }
}
