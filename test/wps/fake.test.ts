/**
 * The fake WPS (test/support/fake-wps.ts) is as strict as WPS: each behaviour the WPS host relies on or must
 * survive, as the fake's comments source it. A fake more lenient than WPS would let a host bug through.
 */
import { FakeWps, FakeWpsError } from '../support/fake-wps';
import { wpsPort } from '../../src/hosts/wps/host';
import { CONTROL, createRibbon } from '../../src/wps/ribbon';
import { STORAGE } from '../../src/wps/shell';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';

function book(): FakeWps {
  const snapshot: WorkbookSnapshot = {
    sheets: [
      { name: '数据', values: [['组', '分'], ['一组', 45658], ['二组', { error: '#N/A' }]], merges: ['A5:B5'], visibility: 'visible' },
      { name: '汇总', values: [], merges: [], visibility: 'visible' },
      { name: 'Hidden', values: [], merges: [], visibility: 'veryHidden' },
    ],
  };
  return FakeWps.fromSnapshot(snapshot, { formulas: { 汇总: { A1: '=数据!B2' } } });
}

describe('collections are 1-based', () => {
  it('Item(1) is the first sheet; Item(0) and Item(Count + 1) throw; a name is found without case', () => {
    const ws = book().ActiveWorkbook!.Worksheets;
    expect(ws.Item(1).Name).toBe('数据');
    expect(() => ws.Item(0)).toThrow(FakeWpsError);
    expect(() => ws.Item(ws.Count + 1)).toThrow(FakeWpsError);
    expect(ws.Item('hidden').Name).toBe('Hidden');
  });
});

describe('Value2', () => {
  it('one cell is a scalar, several a 2D array; a date is its serial; an error is a bare CVErr number and its Text the error', () => {
    const ws = book().ActiveWorkbook!.Worksheets.Item(1);
    expect(ws.Range('A2').Value2).toBe('一组');
    expect(ws.Range('A1:B2').Value2).toEqual([
      ['组', '分'],
      ['一组', 45658],
    ]);
    expect(ws.Range('B3').Value2).toBe(2042);
    expect(ws.Range('B3').Text).toBe('#N/A');
    expect(ws.Range('C1').Value2).toBeUndefined();
  });

  it('a string is entered as typed unless the cell is Text: =… becomes a formula, 0012 a number; "@" keeps them text', () => {
    const app = book();
    const ws = app.ActiveWorkbook!.Worksheets.Item(2);
    ws.Range('B1:C1').Value2 = [['=1+1', '0012']];
    expect(app.sheet('汇总').cell(0, 1)?.formula).toBe('=1+1');
    expect(app.sheet('汇总').cell(0, 2)?.value).toBe(12);
    ws.Range('B2:C2').NumberFormat = '@';
    ws.Range('B2:C2').Value2 = [['=1+1', '0012']];
    expect([app.sheet('汇总').cell(1, 1)?.value, app.sheet('汇总').cell(1, 2)?.value]).toEqual(['=1+1', '0012']);
  });

  it('an array smaller than its range leaves #N/A in the rest', () => {
    const app = book();
    app.ActiveWorkbook!.Worksheets.Item(2).Range('A3:B4').Value2 = [[1, 2]];
    expect(app.sheet('汇总').cell(3, 0)?.value).toEqual({ error: '#N/A' });
  });
});

describe('sheets', () => {
  it('names: blank, over 31 characters, []:*?/\\ or taken (in any case) are refused', () => {
    const ws = book().ActiveWorkbook!.Worksheets.Item(2);
    for (const bad of ['', ' ', 'x'.repeat(32), 'a[1]', 'a:b', 'a*', 'a?', 'a/b', 'a\\b', '数据', 'HIDDEN', "'x"]) expect(() => (ws.Name = bad)).toThrow(FakeWpsError);
    ws.Name = 'x'.repeat(31);
  });

  it('very hidden is 2; the last visible sheet can be neither hidden nor deleted', () => {
    const app = book();
    const sheets = app.ActiveWorkbook!.Worksheets;
    expect(sheets.Item('Hidden').Visible).toBe(2);
    sheets.Item(2).Visible = 2;
    expect(() => (sheets.Item(1).Visible = 0)).toThrow(FakeWpsError);
    app.DisplayAlerts = false;
    expect(() => sheets.Item(1).Delete()).toThrow(FakeWpsError);
  });

  it('Delete asks first unless alerts are off, and turns references to the sheet into #REF!', () => {
    const app = book();
    const sheets = app.ActiveWorkbook!.Worksheets;
    expect(() => sheets.Item('数据').Delete()).toThrow(FakeWpsError);
    app.DisplayAlerts = false;
    sheets.Item('数据').Delete();
    expect(app.sheet('汇总').cell(0, 0)?.formula).toBe('=#REF!');
  });

  it('renaming a sheet carries references to it along', () => {
    const app = book();
    app.ActiveWorkbook!.Worksheets.Item('数据').Name = '新数据';
    expect(app.sheet('汇总').cell(0, 0)?.formula).toMatch(/^='?新数据'?!B2$/);
  });
});

describe('protection', () => {
  it('a locked cell of a protected sheet cannot be written; it can be read', () => {
    const app = book();
    app.sheet('数据').protectContents = true;
    const ws = app.ActiveWorkbook!.Worksheets.Item(1);
    expect(ws.Range('A1:B2').Value2).toHaveLength(2);
    expect(() => (ws.Range('A1').Value2 = 'x')).toThrow(FakeWpsError);
    expect(() => (ws.Range('A1').NumberFormat = '@')).toThrow(FakeWpsError);
    expect(() => ws.Range('A1:B1').Merge()).toThrow(FakeWpsError);
  });
});

describe('finding cells', () => {
  it('SpecialCells finds the error cells, and throws when there are none; MergeCells says all, none or some', () => {
    const ws = book().ActiveWorkbook!.Worksheets.Item(1);
    expect(ws.UsedRange.SpecialCells(2, 16).Address).toBe('$B$3');
    expect(() => ws.Range('A1:A2').SpecialCells(2, 16)).toThrow(FakeWpsError);
    expect(ws.Range('A5:B5').MergeCells).toBe(true);
    expect(ws.Range('A1:B2').MergeCells).toBe(false);
    expect(ws.Range('A4:B5').MergeCells).toBeNull();
  });
});

describe('the add-in’s shell (PluginStorage, task panes, dialogs) under the ribbon', () => {
  const ribbonOver = (app: FakeWps) =>
    createRibbon({ app: () => app, port: () => wpsPort(app), baseUrl: () => 'https://intranet.example.org/pga/wps/', language: () => 'zh-CN' });

  it('考评面板 creates the pane once (docked right, shown), hides and shows it; a stale stored ID gets a new pane, not an error', async () => {
    const app = book();
    const ribbon = ribbonOver(app);
    await ribbon.OnAction({ Id: CONTROL.pane });
    expect(app.panes.map((p) => [p.url, p.Visible, p.DockPosition])).toEqual([['https://intranet.example.org/pga/wps/taskpane.html', true, 2]]);
    await ribbon.OnAction({ Id: CONTROL.pane });
    expect(app.panes.map((p) => p.Visible)).toEqual([false]);
    await ribbon.OnAction({ Id: CONTROL.pane });
    expect(app.panes.map((p) => p.Visible)).toEqual([true]);
    // WPS restarted: the stored ID names no pane (the fake's GetTaskPane throws): a new pane is made.
    app.storage.set(STORAGE.paneId, '99');
    expect(() => app.GetTaskPane('99')).toThrow(FakeWpsError);
    await ribbon.OnAction({ Id: CONTROL.pane });
    expect(app.panes.map((p) => p.Visible)).toEqual([true, true]);
    expect(app.storage.get(STORAGE.paneId)).toBe('2');
  });

  it('PluginStorage keeps text and gives undefined for a key never set; ShowDialog and CreateTaskPane refuse a relative URL', () => {
    const app = book();
    app.PluginStorage.setItem('k', 5 as unknown as string);
    expect(app.PluginStorage.getItem('k')).toBe('5');
    expect(app.PluginStorage.getItem('never')).toBeUndefined();
    expect(() => app.ShowDialog('dialog.html', 'x', 400, 300, false)).toThrow(FakeWpsError);
    expect(() => app.CreateTaskPane('taskpane.html')).toThrow(FakeWpsError);
  });
});
