/** @jest-environment jsdom */
/**
 * 取消 in the task pane (issue 18): with its engine in a worker (src/ui/worker/pane.ts; here the in-process
 * stand-in, test/support/in-process-worker.ts), a run that has not begun to write is stopped from the pane —
 * it says so, the workbook is not touched, the pane's result and a group's history are there as before — and
 * 取消 is not offered while the run writes (a write is never cut), nor where the engine runs on the pane's
 * thread.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PaneHost } from '../../src/app/pane-service';
import { paneHost } from '../../src/app/pane-service';
import { MemoryHost } from '../../src/hosts/memory/host';
import { sampleSnapshot } from '../../src/hosts/memory/sample';
import { App } from '../../src/ui/App';
import { workerPaneHost } from '../../src/ui/worker/pane';
import type { WorkbookPatch, WorkbookSnapshot } from '../../src/workbook/snapshot';
import { inProcessWorker } from '../support/in-process-worker';

jest.setTimeout(30000);

/** The sample workbook whose reads and writes wait until the test lets them through (a slow Excel). */
function gated(memory: MemoryHost) {
  const local = paneHost(memory);
  let held: (() => void)[] = [];
  let holding = false;
  const gate = <T,>(f: () => Promise<T>): Promise<T> => (holding ? new Promise<void>((r) => held.push(r)).then(f) : f());
  const host: PaneHost = Object.create(local) as PaneHost;
  let writes = 0;
  host.read = (): Promise<WorkbookSnapshot> => gate(() => local.read());
  host.write = (patch: WorkbookPatch) => gate(() => (writes++, local.write(patch)));
  return {
    host,
    get writes() {
      return writes;
    },
    hold() {
      holding = true;
    },
    release() {
      holding = false;
      const go = held;
      held = [];
      go.forEach((r) => r());
    },
  };
}

test('取消 while the worker waits for the workbook: the run stops, says so, writes nothing; the result on show and its histories stay', async () => {
  const user = userEvent.setup();
  const memory = new MemoryHost(await sampleSnapshot());
  const g = gated(memory);
  render(<App host={workerPaneHost(g.host, () => inProcessWorker(null))} displayLanguage={null} initialLang="zh-CN" />);
  await screen.findByTestId('banner-not-assessed');

  // A first run, to the end.
  await user.click(screen.getByRole('button', { name: '考评' }));
  await screen.findByText(/考评完成：35条考评记录/);
  expect(g.writes).toBe(1);
  const before = JSON.stringify(memory.snapshot());

  // A second run, held at its read: 取消 is offered, and stops it.
  g.hold();
  await user.click(screen.getByRole('button', { name: '考评' }));
  await user.click(await screen.findByRole('button', { name: '取消' }));
  expect((await screen.findByTestId('notice')).textContent).toContain('已取消考评，工作簿没有任何改动。');
  g.release();
  // Nothing written, then or later (the stopped worker's asks are refused).
  await new Promise((r) => setTimeout(r, 200));
  expect(g.writes).toBe(1);
  expect(JSON.stringify(memory.snapshot())).toBe(before);
  expect(screen.queryByRole('button', { name: '取消' })).toBeNull();

  // The result on show is still there, and a group's history opens (from the fresh worker).
  await user.click(await screen.findByRole('button', { name: '城西供电所党小组：查看历次考评' }));
  await screen.findByText('城西供电所党小组历次考评');

  // And a run after it goes to the end.
  await user.click(screen.getByRole('button', { name: /^← 返回概览$/ }));
  await user.click(screen.getByRole('button', { name: '考评' }));
  await screen.findByText(/考评完成：35条考评记录/);
  expect(g.writes).toBe(2);
});

test('取消 is not offered while the run writes, nor where the engine runs on the pane’s thread', async () => {
  const user = userEvent.setup();
  const memory = new MemoryHost(await sampleSnapshot());
  const g = gated(memory);
  const { unmount } = render(<App host={workerPaneHost(g.host, () => inProcessWorker(null))} displayLanguage={null} initialLang="zh-CN" />);
  await screen.findByTestId('banner-not-assessed');
  // Held at its write: the progress shows the write stage and no 取消.
  const read = g.host.read;
  g.host.read = () => read().then((s) => (g.hold(), s));
  await user.click(screen.getByRole('button', { name: '考评' }));
  await screen.findByText('写入工作簿');
  expect(screen.queryByRole('button', { name: '取消' })).toBeNull();
  g.release();
  await screen.findByText(/考评完成：35条考评记录/);
  unmount();

  // On the pane's thread (no worker): never offered.
  render(<App host={workerPaneHost(paneHost(new MemoryHost(await sampleSnapshot())), null)} displayLanguage={null} initialLang="zh-CN" />);
  await screen.findByTestId('banner-not-assessed');
  await user.click(screen.getByRole('button', { name: '考评' }));
  await waitFor(() => expect(screen.queryByText(/考评完成：35条考评记录/)).not.toBeNull());
  expect(screen.queryByRole('button', { name: '取消' })).toBeNull();
});
