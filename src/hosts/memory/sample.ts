/** The preview's workbook: assets/sample.xlsx as a snapshot (scripts/make-preview-snapshot.js), loaded lazily. */
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { MemoryHost } from './host';

export async function sampleSnapshot(): Promise<WorkbookSnapshot> {
  const mod = (await import(/* webpackChunkName: "sample" */ './sample.json')) as unknown as
    | WorkbookSnapshot
    | { default: WorkbookSnapshot };
  return 'default' in mod ? mod.default : mod;
}

export async function sampleHost(): Promise<MemoryHost> {
  return new MemoryHost(await sampleSnapshot());
}

/** A blank workbook (one empty sheet), for the preview's `?workbook=blank`: the template flow from the start. */
export function blankHost(): MemoryHost {
  return new MemoryHost({ sheets: [{ name: 'Sheet1', values: [], merges: [], visibility: 'visible' }] });
}
