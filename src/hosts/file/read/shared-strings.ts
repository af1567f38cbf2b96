/** The shared-string table (xl/sharedStrings.xml or wherever the workbook's relationship points). */
import type { PackageArchive } from '../package/archive';
import { decodeXstring } from '../package/xml';
import { MainScope, parsePart } from './scope';

/** The shared-string table: each <si>'s text, rich-text runs joined, phonetic runs (<rPh>) left out, `_xHHHH_` decoded. */
export async function readSharedStrings(archive: PackageArchive, part: string): Promise<string[]> {
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let buf = '';
  const scope = new MainScope();
  await parsePart(archive, part, scope, (p) => {
    p.on('opentag', (tag) => {
      switch (scope.open(tag)) {
        case 'si':
          inSi = true;
          buf = '';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          inT = inSi && phonetic === 0;
          break;
      }
    });
    p.on('closetag', () => {
      switch (scope.close()) {
        case 'si':
          out.push(decodeXstring(buf));
          inSi = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 't':
          inT = false;
          break;
      }
    });
    const text = (s: string) => {
      if (inT) buf += s;
    };
    p.on('text', text);
    p.on('cdata', text);
  });
  return out;
}
