// An uploaded workbook is a ZIP archive of XML files, and a hostile one can be small on the wire
// and huge inside (a zip bomb), carry macros or links to other files, or hold a million rows.
// Before a spreadsheet library parses it, every part is inflated here with a ceiling on its
// output (zlib's maxOutputLength: the inflating stops at the ceiling, whatever the archive claims),
// and its rows are counted. What is refused is refused as a sentence an editor can act on.
import { inflateRawSync } from 'node:zlib';

export interface ArchiveLimits {
  /** Bytes of the upload. */
  fileBytes: number;
  /** Bytes of all parts together, inflated. */
  inflatedBytes: number;
  /** Rows of all sheets together. */
  rows: number;
}

const workbookLimits: ArchiveLimits = { fileBytes: 16 * 1024 * 1024, inflatedBytes: 64 * 1024 * 1024, rows: 25_000 };

export class ArchiveRefusal extends Error {}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const endOfDirectorySignature = 0x06054b50;
const directorySignature = 0x02014b50;
const localSignature = 0x04034b50;

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The entries of the archive's central directory. */
function entries(bytes: Buffer): Entry[] {
  // The end record is the last 22 bytes, unless the archive has a comment (up to 64 KiB).
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (bytes.readUInt32LE(at) === endOfDirectorySignature) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ArchiveRefusal('Die Datei ist beschädigt oder unvollständig: das Inhaltsverzeichnis des Archivs fehlt.');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff)
    throw new ArchiveRefusal(`Die Datei ist größer, als eine Arbeitsmappe eines Kreises sein kann.`);
  const result: Entry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== directorySignature)
      throw new ArchiveRefusal('Die Datei ist beschädigt: ihr Inhaltsverzeichnis ist unvollständig.');
    const nameLength = bytes.readUInt16LE(at + 28);
    result.push({
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return result;
}

/** The entry's bytes, inflated, at most `ceiling` of them. */
function inflated(bytes: Buffer, entry: Entry, ceiling: number): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== localSignature)
    throw new ArchiveRefusal(`Die Datei ist beschädigt: der Teil „${entry.name}“ fehlt.`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.flags & 1)
    throw new ArchiveRefusal('Die Arbeitsmappe ist verschlüsselt (mit Kennwort geschützt): bitte ohne Kennwort speichern.');
  if (entry.method === 0) {
    if (data.length > ceiling) throw new ArchiveRefusal(tooLarge);
    return data;
  }
  if (entry.method !== 8) throw new ArchiveRefusal(`Der Teil „${entry.name}“ ist in einer Art gepackt, die Excel nicht schreibt.`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, ceiling) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw new ArchiveRefusal(tooLarge);
    throw new ArchiveRefusal(`Die Datei ist beschädigt: der Teil „${entry.name}“ lässt sich nicht entpacken.`);
  }
}

const tooLarge = `Die Arbeitsmappe ist entpackt größer als ${megabytes(workbookLimits.inflatedBytes)}: so viele Daten hat kein Kreis. Ist es die richtige Datei?`;

/** Counts `<row` elements: a sheet's rows, without parsing it. */
function countRows(xml: Buffer): number {
  let count = 0;
  for (let at = xml.indexOf('<row'); at >= 0; at = xml.indexOf('<row', at + 4)) {
    const next = xml[at + 4];
    if (next === 0x20 || next === 0x3e || next === 0x2f) count += 1; // "<row " "<row>" "<row/"
  }
  return count;
}

/**
 * Checks an uploaded file before it is parsed: an .xlsx archive, within the limits, without
 * macros or links to other files. Throws ArchiveRefusal with the reason.
 */
export function checkArchive(bytes: Buffer, limits: ArchiveLimits = workbookLimits): void {
  if (bytes.length > limits.fileBytes)
    throw new ArchiveRefusal(
      `Die Datei hat ${megabytes(bytes.length)}; eine Arbeitsmappe darf höchstens ${megabytes(limits.fileBytes)} haben.`,
    );
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== localSignature)
    throw new ArchiveRefusal(
      'Die Datei ist keine Excel-Arbeitsmappe (.xlsx). Eine als .xlsx umbenannte CSV- oder .xls-Datei lässt sich nicht lesen: bitte in Excel oder LibreOffice als „Excel-Arbeitsmappe (.xlsx)“ speichern.',
    );
  const parts = entries(bytes);
  const names = new Set(parts.map((entry) => entry.name));
  if (names.has('xl/vbaProject.bin'))
    throw new ArchiveRefusal(
      'Die Arbeitsmappe enthält Makros (.xlsm). Makros werden nicht angenommen: bitte als „Excel-Arbeitsmappe (.xlsx)“ speichern.',
    );
  if (parts.some((entry) => entry.name.startsWith('xl/externalLinks/')))
    throw new ArchiveRefusal(
      'Die Arbeitsmappe ist mit anderen Dateien verknüpft (externe Bezüge). Bitte die Verknüpfungen lösen (Excel: Daten → Verknüpfungen bearbeiten → Verknüpfung aufheben) und erneut speichern.',
    );
  if (!names.has('xl/workbook.xml')) throw new ArchiveRefusal('Die Datei ist ein ZIP-Archiv, aber keine Excel-Arbeitsmappe (.xlsx).');
  let budget = limits.inflatedBytes;
  let rows = 0;
  for (const entry of parts) {
    if (entry.name.endsWith('/')) continue;
    const content = inflated(bytes, entry, budget);
    budget -= content.length;
    if (entry.name === '[Content_Types].xml' && content.includes('macroEnabled'))
      throw new ArchiveRefusal('Die Arbeitsmappe ist für Makros angelegt (.xlsm). Bitte als „Excel-Arbeitsmappe (.xlsx)“ speichern.');
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) rows += countRows(content);
    if (rows > limits.rows)
      throw new ArchiveRefusal(
        `Die Arbeitsmappe hat mehr als ${limits.rows.toLocaleString('de-DE')} Zeilen: so viele Datensätze hat kein Kreis. Ist es die richtige Datei?`,
      );
  }
}
