/**
 * Debian's Firefox ESR for the system tests (`npm run setup:system` installs firefox-esr), driven by
 * puppeteer-core over WebDriver BiDi, the protocol Puppeteer uses for Firefox (pptr.dev/webdriver-bidi).
 * Playwright's Firefox is a patched build that cannot be installed on this machine; puppeteer-core never
 * downloads a browser: it starts the system's.
 */
import * as fs from 'fs';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';

export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/**
 * Headless Firefox (a fresh temporary profile) in a time zone (the TZ of its process) and a language
 * (intl.accept_languages: navigator.language and navigator.languages). Fails — never skips — when Firefox is
 * missing, saying how to install it.
 */
export function launchFirefox(opts: { timezone: string; language: string }): Promise<Browser> {
  if (!fs.existsSync(FIREFOX)) {
    throw new Error(`Firefox ESR is not installed (${FIREFOX}): run \`npm run setup:system\` as root (it installs firefox-esr), or set FIREFOX_PATH to a Firefox.`);
  }
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    env: { ...process.env, TZ: opts.timezone },
    extraPrefsFirefox: { 'intl.accept_languages': opts.language },
  });
}
