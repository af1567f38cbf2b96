/** @jest-environment jsdom */
/**
 * The workbook page in a DOM: after a file that cannot be opened, the error takes the focus (issue 18, item
 * 6), so a screen reader reads it at once and the keyboard goes on from it rather than from the top.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WorkbookPage } from '../../src/page/WorkbookPage';

jest.setTimeout(30000);

// jsdom has no Worker: the page's engine worker runs in this process.
jest.mock('../../src/page/engine-worker-client', () => ({
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  createEngineWorker: () => (require('../support/in-process-worker') as typeof import('../support/in-process-worker')).inProcessWorker(),
}));

// The browser's streams, which jsdom lacks (the file host's zip reading is built on them): Node's own.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const web = require('stream/web') as Record<string, unknown>;
for (const k of ['TransformStream', 'ReadableStream', 'WritableStream', 'CompressionStream', 'DecompressionStream']) {
  if (!(k in globalThis) && web[k]) Object.assign(globalThis, { [k]: web[k] });
}

test.each([
  ['zh-CN', '打开工作簿', '说明.docx', /Word文档/],
  ['en-US', 'Open a workbook', 'notes.docx', /Word document/],
] as const)('%s: a file that cannot be opened — the error bar has the focus, and says why', async (lang, open, name, reason) => {
  // (The picker's filter lets the user choose “all files”: the input's accept is not applied.)
  const user = userEvent.setup({ applyAccept: false });
  render(<WorkbookPage initialLang={lang} />);
  const button = screen.getByRole('button', { name: open });
  button.focus();
  expect(document.activeElement).toBe(button);
  // What the file picker hands over: a Word document (a zip, but not a workbook).
  const file = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], name);
  await user.upload(screen.getByTestId('open-input'), file);
  const bar = await screen.findByTestId('open-failed');
  await waitFor(() => expect(document.activeElement).toBe(bar));
  expect(bar.getAttribute('role')).toBe('alert');
  expect(screen.getByTestId('open-reason').textContent).toMatch(reason);
});
