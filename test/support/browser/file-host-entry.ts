/**
 * A browser bundle of the file host and the use case, for test/system/file-host-browser.test.ts: it proves
 * that the package reader and writer (zip.js, saxes, xmldom, cfb) run in Chromium and write the same
 * workbook as Node does. `window.pgaAssess(bytes, now, asOf)` resolves to the assessed workbook's bytes, or to
 * the failure as `AssessError: <its English message>`.
 */
import { assessWorkbook } from '../../../src/app/assessWorkbook';
import { FileHost } from '../../../src/hosts/file/host';
import { describeError } from '../../../src/i18n/errors';

declare global {
  interface Window {
    pgaAssess: (bytes: number[], now: string, asOf: string) => Promise<number[] | string>;
  }
}

window.pgaAssess = async (bytes, now, asOf) => {
  try {
    const host = new FileHost(new Uint8Array(bytes), 'sample.xlsx');
    await assessWorkbook(host, { now: () => new Date(now), asOf });
    return Array.from(host.bytes());
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${describeError(e, 'en-US')}` : String(e);
  }
};
