/** @jest-environment jsdom */
/**
 * Pane start: the preview over the sample only when the page is not hosted by Office; hosted, a slow
 * Office.onReady shows "waiting for Excel" and never the sample (考评 would assess the sample).
 */
import { screen, waitFor } from '@testing-library/react';
import { act } from 'react';
import { WAITING_AFTER_MS, boot, hostedByOffice } from '../../src/taskpane/boot';
import { benchSnapshot } from '../../src/bench/bench';
import { FakeWorkbook } from '../support/fake-excel';

jest.setTimeout(30_000);

const g = globalThis as unknown as Record<string, unknown>;

afterEach(() => {
  delete g.Office;
  delete g.Excel;
  document.body.innerHTML = '';
  window.history.replaceState({}, '', '/');
});

function container(): HTMLElement {
  const div = document.createElement('div');
  document.body.appendChild(div);
  return div;
}

describe('hostedByOffice', () => {
  it('reads the signs office.js reads', () => {
    expect(hostedByOffice({ location: { search: '', hash: '' } })).toBe(false);
    expect(hostedByOffice({ location: { search: '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0', hash: '' } })).toBe(true);
    expect(hostedByOffice({ location: { search: '', hash: '#_host_Info=excel|web|16.00|en-us' } })).toBe(true);
    expect(hostedByOffice({ name: '{"hostInfo":"Excel|Mac|16.00"}' })).toBe(true);
    expect(hostedByOffice({ sessionStorage: { getItem: (k) => (k === 'hostInfoValue' ? 'Excel$Win32$16.01' : null) } })).toBe(true);
    expect(hostedByOffice({ external: { GetHostInfo: () => '' } })).toBe(true);
    expect(hostedByOffice({ chrome: { webview: {} } })).toBe(true);
  });
});

describe('boot', () => {
  it('outside Office (Office.onReady reports no host): the preview over the sample workbook', async () => {
    g.Office = { onReady: (cb: (i: unknown) => void) => cb({ host: null, platform: null }) };
    await act(async () => boot(container()));
    await screen.findByTestId('banner-preview');
  });

  it('hosted by Office with a slow Office.onReady: "waiting for Excel", never the sample; then the pane over the workbook', async () => {
    window.history.replaceState({}, '', '/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0');
    let ready: ((i: unknown) => void) | null = null;
    const wb = FakeWorkbook.fromSnapshot(benchSnapshot(10), { wire: false });
    const env = wb.env();
    g.Office = {
      onReady: (cb: (i: unknown) => void) => {
        ready = cb;
      },
      context: {
        displayLanguage: 'zh-CN',
        requirements: { isSetSupported: env.isSetSupported },
        diagnostics: { platform: 'PC' },
        document: { url: wb.url },
      },
    };
    g.Excel = { run: (o: object, batch: (c: unknown) => Promise<unknown>) => env.run(o, batch as never) };
    const started = boot(container());
    await act(async () => {
      await new Promise((r) => setTimeout(r, WAITING_AFTER_MS + 300));
    });
    expect(screen.getByTestId('waiting-for-excel').textContent).toMatch(/正在等待Excel/);
    expect(screen.getByTestId('waiting-for-excel').textContent).toMatch(/Waiting for Excel/);
    expect(screen.queryByTestId('banner-preview')).toBeNull();
    await act(async () => {
      ready!({ host: 'Excel', platform: 'PC' });
      await started;
    });
    await screen.findByRole('button', { name: '考评' });
    await waitFor(() => expect(screen.queryByTestId('waiting-for-excel')).toBeNull());
    expect(screen.queryByTestId('banner-preview')).toBeNull();
  });

  it('hosted, but Office reports no host: says Excel did not start the add-in (no sample)', async () => {
    window.history.replaceState({}, '', '/taskpane.html?_host_Info=Excel$Win32$16.01$en-US$$$$0');
    g.Office = { onReady: (cb: (i: unknown) => void) => cb({ host: null, platform: null }) };
    await act(async () => boot(container()));
    expect(screen.getByTestId('waiting-for-excel').textContent).toMatch(/did not start the add-in/);
    expect(screen.queryByTestId('banner-preview')).toBeNull();
  });
});
