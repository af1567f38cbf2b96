/**
 * For the EdgeHTML end-to-end test: Office and Excel as the ribbon's function file sees them, backed by
 * the fake Excel (test/support/fake-excel.ts, unwired: office.js's own client is not on this page).
 * Bundled for the browser by the test and served in place of office.js on commands.html.
 */
import type { WorkbookSnapshot } from '../../../src/workbook/snapshot';
import { FakeWorkbook } from '../../support/fake-excel';

type Callback = (x: unknown) => void;

interface Page {
  Office?: unknown;
  Excel?: unknown;
  __associated?: Record<string, unknown>;
  __pgaWorkbook?: FakeWorkbook;
  __pgaDialogs?: string[];
  __pgaInstallOffice?: (snapshot: WorkbookSnapshot, lang: string, protectedWorkbook: boolean) => void;
}

const page = window as unknown as Page;

page.__pgaInstallOffice = (snapshot, lang, protectedWorkbook) => {
  const wb = FakeWorkbook.fromSnapshot(snapshot, { wire: false, displayLanguage: lang });
  wb.protected = protectedWorkbook;
  const env = wb.env();
  const dialogs: string[] = [];
  const info = { host: 'Excel', platform: 'PC' };
  page.Office = {
    onReady: (cb?: Callback) => {
      setTimeout(() => cb && cb(info), 0);
      return Promise.resolve(info);
    },
    actions: {
      associate: (name: string, f: unknown) => {
        page.__associated = page.__associated || {};
        page.__associated[name] = f;
      },
    },
    context: {
      displayLanguage: lang,
      requirements: { isSetSupported: env.isSetSupported },
      diagnostics: { platform: 'PC' },
      document: { url: wb.url },
      ui: {
        displayDialogAsync: (url: string, _o: unknown, cb: Callback) => {
          dialogs.push(url);
          cb({
            status: 'succeeded',
            value: {
              // the user reads the message and clicks Close
              addEventHandler: (ev: string, f: Callback) => {
                if (ev === 'dialogMessageReceived') setTimeout(() => f({ message: 'close' }), 20);
              },
              close: () => undefined,
            },
          });
        },
      },
    },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
  };
  page.Excel = { run: (o: { delayForCellEdit?: boolean }, b: (c: Excel.RequestContext) => Promise<unknown>) => env.run(o, b) };
  page.__pgaWorkbook = wb;
  page.__pgaDialogs = dialogs;
};
