/**
 * The fake WPS (test/support/fake-wps.ts, the same code the unit tests use) for the browser: test/system/
 * wps-e2e.test.ts bundles this and runs it before the add-in's pages, then installs
 * `window.Application = window.pgaFakeWps.fromSnapshot(…)` as WPS would give the pages their Application.
 */
import { FakeWps } from '../fake-wps';

(window as unknown as { pgaFakeWps: typeof FakeWps }).pgaFakeWps = FakeWps;
