/**
 * index.html's script (main.js): the WPS add-in's ribbon callbacks, on the global `ribbon` that ribbon.xml
 * names (src/wps/ribbon.xml: onLoad="ribbon.OnAddinLoad", onAction="ribbon.OnAction"…). WPS keeps this page
 * open, hidden, for as long as the add-in is loaded. No React here.
 */
import '../compat/polyfills'; // first: libraries use what older webviews lack when they load
import { applicationPort, wpsApplication } from './port';
import { createRibbon } from './ribbon';

const folder = () => window.location.href.replace(/[?#].*$/, '').replace(/[^/]*$/, '');

(window as unknown as { ribbon: unknown }).ribbon = createRibbon({
  app: wpsApplication,
  port: applicationPort,
  baseUrl: folder,
  language: () => navigator.language,
  devicePixelRatio: () => window.devicePixelRatio,
});
