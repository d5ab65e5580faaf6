// Lists the failed tests of every TRX report in a folder, each with the first lines of its message,
// so the end of a test run's output (often all a CI log keeps) names what failed.
// Usage: node scripts/failed-tests.mjs <folder>
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const folder = process.argv[2];
const unescape = (text) =>
  text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#([0-9]+);/g, (_, dec) => String.fromCodePoint(Number(dec))).replace(/&amp;/g, "&");

let failures = 0;
for (const file of readdirSync(folder).filter((name) => name.endsWith(".trx"))) {
  const report = readFileSync(join(folder, file), "utf8");
  // Passed results are self-closing: match those alone, or a lazy body would swallow the next result.
  for (const result of report.matchAll(/<UnitTestResult\b([^>]*?)(?:\/>|>([\s\S]*?)<\/UnitTestResult>)/g)) {
    const attributes = result[1];
    if (!/outcome="(Failed|Error|Timeout|Aborted)"/.test(attributes)) continue;
    failures++;
    const name = unescape(/testName="([^"]*)"/.exec(attributes)?.[1] ?? "(unnamed)");
    const message = unescape(/<Message>([\s\S]*?)<\/Message>/.exec(result[2] ?? "")?.[1] ?? "");
    const frame = unescape(/<StackTrace>([\s\S]*?)<\/StackTrace>/.exec(result[2] ?? "")?.[1] ?? "")
      .split("\n").find((line) => line.includes(".cs:line")) ?? "";
    console.log(`FAILED ${name}`);
    for (const line of message.split("\n").slice(0, 8)) console.log(`    ${line.trimEnd()}`);
    if (frame) console.log(`    ${frame.trim()}`);
  }
}
if (failures > 0) console.log(`${failures} failed test(s) listed above`);
