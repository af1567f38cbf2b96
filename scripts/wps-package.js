/**
 * The WPS add-in's deployment files, made by the build (webpack.config.js, the `wps` configuration) beside
 * the add-in in dist/wps/, in the layout wpsjs (Kingsoft's npm tool) publishes — without wpsjs, which
 * prompts interactively, pulls native binaries (7zip-bin, fswin) and an unpinned SDK, and writes to WPS's
 * configuration while it debugs (docs/decisions.md):
 *
 *   jsplugins.xml   the list of add-ins an oem.ini [Server] JSPluginsServer= points WPS at (online mode:
 *                   the add-in's folder URL, as `wpsjs publish` records it)
 *   publish.html    (HtmlWebpackPlugin, src/wps/publish.html) registers the add-in in the user's jsaddons
 *   <name>_<version>.zip
 *                   the offline package: the folder <name>_<version>/ with the whole add-in, and publish.xml
 *                   registering it — what wpsjs's offline build puts in its self-extracting archive for
 *                   %APPDATA%\kingsoft\wps\jsaddons (Windows) or ~/.local/share/Kingsoft/wps/jsaddons (Linux).
 *                   A zip (jszip, kept here), not wpsjs's .7z: unpacked by hand or by a deployment tool.
 */
'use strict';
const JSZip = require('jszip');

const ADDIN_NAME = 'PartyGroupAssessment';
/** Files of dist/wps/ that belong to publishing, not to the add-in the package carries. */
const PUBLISHING = /^(publish\.html|publish\.js|wpsjsrpcsdk\.js|jsplugins\.xml|.*\.zip)$/;

const xmlAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** One <jsplugin> line as wpsjs writes it (type "et": WPS 表格). */
function jsplugin(attrs) {
  const body = Object.entries(attrs)
    .map(([k, v]) => `${k}="${xmlAttr(v)}"`)
    .join(' ');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin ${body}/>\n</jsplugins>\n`;
}

/** The folder name of the offline add-in: `<name>_<version>`, as wpsjs names it. */
const folderOf = (version) => `${ADDIN_NAME}_${version}`;

/** The entry publish.html registers (the SDK's { name, addonType, online, url, version }). */
function publishEntry(url, version) {
  return { name: ADDIN_NAME, addonType: 'et', online: 'true', url, version };
}

class WpsPackagePlugin {
  constructor({ url, version }) {
    this.url = url;
    this.version = version;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('WpsPackagePlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: 'WpsPackagePlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, async () => {
        compilation.emitAsset('jsplugins.xml', new sources.RawSource(jsplugin({ name: ADDIN_NAME, type: 'et', url: this.url, version: this.version, enable: 'true' })));
        const folder = folderOf(this.version);
        const zip = new JSZip();
        const names = Object.keys(compilation.assets).filter((n) => !PUBLISHING.test(n)).sort();
        // A fixed date: the same build gives the same package.
        const date = new Date(Date.UTC(2020, 0, 1));
        for (const name of names) zip.file(`${folder}/${name}`, compilation.assets[name].buffer(), { date });
        zip.file('publish.xml', jsplugin({ name: ADDIN_NAME, type: 'et', url: folder, version: this.version, enable: 'enable_dev', install: 'null', customDomain: '' }), { date });
        const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
        compilation.emitAsset(`${folder}.zip`, new sources.RawSource(bytes));
      });
    });
  }
}

module.exports = { WpsPackagePlugin, ADDIN_NAME, folderOf, publishEntry };
