/**
 * publish.html: registers the add-in with the WPS on the user's computer, as the page `wpsjs publish` makes
 * does — through Kingsoft's SDK (wpsjsrpcsdk.js, npm wpsjs-rpc-sdk-new, loaded beside this page), whose
 * WpsAddonMgr talks to the WPS service on 127.0.0.1:58890: getAllConfig lists the add-ins registered in
 * jsaddons/publish.xml; enable / disable add or remove one ({ name, addonType, online, url, version }). The
 * callbacks' `status` is 0 on success, else `msg` says why (the SDK's README). Only this add-in is touched:
 * unlike wpsjs's page, the user's other add-ins stay registered.
 */
import type { Lang } from '../domain/types';
import { t } from '../i18n';
import type { Params, Msg } from '../i18n';
import { PUBLISH_MSG } from '../i18n/wps';

/** What publish.xml records of an add-in (the SDK's FormatData). */
export interface AddinEntry {
  name: string;
  addonType: 'et';
  online: 'true' | 'false';
  url: string;
  version: string;
}

interface Reply {
  status?: number;
  msg?: string;
  response?: string;
}

interface AddonMgr {
  getAllConfig(cb: (e: Reply) => void): void;
  enable(addin: AddinEntry, cb: (e: Reply) => void): void;
  disable(addin: AddinEntry, cb: (e: Reply) => void): void;
}

const lang: Lang = /^zh/i.test(navigator.language) || !navigator.language ? 'zh-CN' : 'en-US';
const status = document.getElementById('status')!;
const say = (m: Msg, p?: Params) => {
  status.textContent = t(lang, m, p);
};
const addin = JSON.parse(document.getElementById('pga-addin')!.textContent ?? '{}') as AddinEntry;
const mgr = (window as unknown as { WpsAddonMgr?: AddonMgr }).WpsAddonMgr;

const call = (f: (cb: (e: Reply) => void) => void) =>
  new Promise<Reply>((resolve) => {
    f(resolve);
  });

/** Is this add-in in publish.xml already (by name)? */
async function registered(m: AddonMgr): Promise<AddinEntry | null> {
  const reply = await call((cb) => m.getAllConfig(cb));
  try {
    const list = JSON.parse(reply.response ?? 'null') as AddinEntry[] | null;
    return (list ?? []).find((a) => a.name === addin.name) ?? null;
  } catch {
    return null;
  }
}

async function run(action: 'install' | 'remove'): Promise<void> {
  if (!mgr) return say(PUBLISH_MSG.noSdk);
  say(PUBLISH_MSG.working);
  const old = await registered(mgr);
  if (old) {
    const reply = await call((cb) => mgr.disable(old, cb));
    if (reply.status) return say(PUBLISH_MSG.failed, { detail: reply.msg ?? String(reply.status) });
  }
  if (action === 'remove') return say(PUBLISH_MSG.removed);
  const reply = await call((cb) => mgr.enable(addin, cb));
  if (reply.status) return say(PUBLISH_MSG.failed, { detail: reply.msg ?? String(reply.status) });
  say(PUBLISH_MSG.installed);
}

document.getElementById('install')!.addEventListener('click', () => void run('install'));
document.getElementById('remove')!.addEventListener('click', () => void run('remove'));
