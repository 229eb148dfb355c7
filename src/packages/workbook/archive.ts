// An uploaded workbook is a ZIP archive of XML files, and a hostile one can be small on the wire
// and huge inside (a zip bomb), carry macros or links to other files, or hold a million rows.
// Before a spreadsheet library parses it, every part is inflated here with a ceiling on its
// output (zlib's maxOutputLength: the inflating stops at the ceiling, whatever the archive claims),
// and its rows are counted. What is refused is refused as a sentence an editor can act on.
import { inflateRawSync } from 'node:zlib';

/**
 * What a workbook may hold. A district's exported workbook has about 130 parts, a few hundred rows
 * and a few thousand cells; the largest accepted (25,000 rows of about 12 cells) is read with about
 * 120 MB (bench/WORKBOOK.md). Spreadsheet parsers build an object per cell, and one per cell of a
 * merged range or of a drop-down's range: those areas are bounded as well.
 */
const limits = {
  fileBytes: 16 * 1024 * 1024,
  inflatedBytes: 64 * 1024 * 1024,
  parts: 1000,
  rows: 25_000,
  cells: 400_000,
  /** Cells of one merged range: larger ones are refused here, smaller ones by the reading, with their sheet. */
  mergedCells: 10_000,
  /** Cells of one drop-down's range (the workbook's own reach 5,000 rows of one column). */
  validatedCells: 100_000,
};

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

/** The compound file format of Office: a workbook encrypted with a password, or an old .xls. */
const compoundFileSignature = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

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
  // Entries that share their data (a crafted archive) would be inflated again and again.
  const packed = result.reduce((sum, entry) => sum + entry.compressedSize, 0);
  if (
    packed > bytes.length ||
    new Set(result.map((entry) => entry.localHeaderOffset)).size < result.length ||
    new Set(result.map((entry) => entry.name)).size < result.length
  )
    throw new ArchiveRefusal('Die Datei ist beschädigt: ihr Inhaltsverzeichnis nennt Teile doppelt.');
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

const tooLarge = `Die Arbeitsmappe ist entpackt größer als ${megabytes(limits.inflatedBytes)}: so viele Daten hat kein Kreis. Ist es die richtige Datei?`;

/** Counts the elements `<name …>` of a part, without parsing it: a sheet's rows or cells. */
function countElements(xml: Buffer, name: string): number {
  const open = `<${name}`;
  let count = 0;
  for (let at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at + open.length)) {
    const next = xml[at + open.length];
    if (next === 0x20 || next === 0x3e || next === 0x2f) count += 1; // "<c " "<c>" "<c/"
  }
  return count;
}

/** "B2" → [2, 2] (column, row). */
function cellPosition(reference: string): [number, number] {
  const [, letters = 'A', digits = '1'] = /^\$?([A-Z]+)\$?(\d+)$/.exec(reference.toUpperCase()) ?? [];
  const column = [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
  return [column, Number(digits)];
}

/** The cells of a range "A1:C3" (or of a list of them, "A1:A9 C1:C9"). */
function areaOf(ranges: string): number {
  return ranges
    .split(/\s+/)
    .filter(Boolean)
    .reduce((sum, range) => {
      const [from, to = from] = range.split(':') as [string, string?];
      const [[left, top], [right, bottom]] = [cellPosition(from), cellPosition(to)];
      return sum + (Math.abs(right - left) + 1) * (Math.abs(bottom - top) + 1);
    }, 0);
}

/** The largest area named by an attribute of an element in the part, e.g. `<mergeCell ref="…">`. */
function largestArea(xml: string, element: string, attribute: string): number {
  const pattern = new RegExp(`<${element}\\b[^>]*\\b${attribute}="([^"]*)"`, 'g');
  let largest = 0;
  for (const [, ranges] of xml.matchAll(pattern)) largest = Math.max(largest, areaOf(ranges!));
  return largest;
}

/** Rows, cells and ranges of a sheet's part, against the limits. */
function checkSheet(xml: Buffer, tally: { rows: number; cells: number }) {
  tally.rows += countElements(xml, 'row');
  tally.cells += countElements(xml, 'c');
  if (tally.rows > limits.rows)
    throw new ArchiveRefusal(
      `Die Arbeitsmappe hat mehr als ${limits.rows.toLocaleString('de-DE')} Zeilen: so viele Datensätze hat kein Kreis. Ist es die richtige Datei?`,
    );
  if (tally.cells > limits.cells)
    throw new ArchiveRefusal(
      `Die Arbeitsmappe hat mehr als ${limits.cells.toLocaleString('de-DE')} ausgefüllte Zellen: so viele Daten hat kein Kreis. Ist es die richtige Datei?`,
    );
  const text = xml.toString('utf8');
  if (largestArea(text, 'mergeCell', 'ref') > limits.mergedCells)
    throw new ArchiveRefusal(
      'Die Arbeitsmappe enthält verbundene Zellen über ganze Bereiche: bitte die Verbindung aufheben (jede Zeile ein Datensatz).',
    );
  if (largestArea(text, 'dataValidation', 'sqref') > limits.validatedCells)
    throw new ArchiveRefusal(
      'Eine Auswahlliste (Datenüberprüfung) reicht über ganze Spalten oder Zeilen: bitte auf die Zeilen mit Daten begrenzen, oder eine neue Mappe herunterladen.',
    );
}

/**
 * Checks an uploaded file before it is parsed: an .xlsx archive, within the limits, without
 * macros or links to other files. Throws ArchiveRefusal with the reason.
 */
export function checkArchive(bytes: Buffer): void {
  if (bytes.length > limits.fileBytes)
    throw new ArchiveRefusal(
      `Die Datei hat ${megabytes(bytes.length)}; eine Arbeitsmappe darf höchstens ${megabytes(limits.fileBytes)} haben.`,
    );
  if (bytes.subarray(0, 4).equals(compoundFileSignature))
    throw new ArchiveRefusal(
      'Die Datei ist mit einem Kennwort geschützt oder im alten Excel-Format (.xls) gespeichert: bitte ohne Kennwort als „Excel-Arbeitsmappe (.xlsx)“ speichern.',
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
  const tally = { rows: 0, cells: 0 };
  for (const entry of parts) {
    if (entry.name.endsWith('/')) continue;
    const content = inflated(bytes, entry, budget);
    budget -= content.length;
    if (entry.name === '[Content_Types].xml' && content.includes('macroEnabled'))
      throw new ArchiveRefusal('Die Arbeitsmappe ist für Makros angelegt (.xlsm). Bitte als „Excel-Arbeitsmappe (.xlsx)“ speichern.');
    // Wherever the parser would take a part for a sheet (it matches the folder anywhere in the name).
    if (entry.name.includes('worksheets/')) checkSheet(content, tally);
  }
}
