/// <reference types="office-js" />
/**
 * The pane's port inside Excel. It adds nothing to the Office host but the pane's few extra intents,
 * and reaches Excel only through src/hosts/office (OfficeHost, selectCell, writeCells): the planning of
 * every edit (template, rules, language) is the pure code of pane-host.ts that the preview shares.
 */
import type { Lang, Rules } from '../domain/types';
import type { OfficeEnv } from '../hosts/office/env';
import { defaultEnv } from '../hosts/office/env';
import { OfficeHost, selectCell, writeCells } from '../hosts/office/host';
import type { WorkbookPatch, WorkbookSnapshot } from '../workbook/snapshot';
import type { PaneHost, PaneState, RulesWriteResult, TemplateResult } from './pane-host';
import { metaWritable, paneLanguagePatch, paneStateOf, planRulesWrite, planTemplate } from './pane-host';

export class OfficePaneHost implements PaneHost {
  readonly kind = 'office' as const;
  private readonly office: OfficeHost;

  /** Without an env, the Office globals are used (construct after Office.onReady). */
  constructor(private readonly envOverride?: OfficeEnv) {
    this.office = new OfficeHost(envOverride);
  }

  private get env(): OfficeEnv {
    return this.envOverride ?? defaultEnv();
  }

  read(): Promise<WorkbookSnapshot> {
    return this.office.read();
  }

  write(patch: WorkbookPatch): Promise<void> {
    return this.office.write(patch);
  }

  selectCell(address: string): Promise<void> {
    return selectCell(address, this.env);
  }

  async insertTemplate(patch: WorkbookPatch): Promise<TemplateResult> {
    const { add, skipped } = planTemplate(await this.office.read(), patch);
    if (add.length) {
      const activate = add.find((s) => s.name === patch.activate)?.name ?? add[add.length - 1].name;
      // 'create' mode: the Office host refuses to replace any sheet, even if one appeared meanwhile.
      await this.office.insert({ sheets: add, deleteSheets: [], activate });
    }
    return { inserted: add.map((s) => s.name), skipped };
  }

  async writeRules(values: Partial<Rules>, lang: Lang): Promise<RulesWriteResult> {
    const plan = planRulesWrite(await this.office.read(), values, lang);
    if (plan.kind === 'create') {
      await this.office.insert({ sheets: [plan.patch], deleteSheets: [], activate: null });
      return { sheet: plan.sheet, created: true };
    }
    // Words are written as text (never interpreted as a formula), numbers as numbers, in one sync.
    await writeCells(plan.sheet, plan.cells, this.env);
    return { sheet: plan.sheet, created: false };
  }

  async readState(): Promise<PaneState> {
    return paneStateOf(await this.office.read());
  }

  async setPaneLanguage(lang: Lang): Promise<void> {
    const snapshot = await this.office.read();
    if (!metaWritable(snapshot)) return;
    await this.office.write(paneLanguagePatch(snapshot, lang));
  }
}
