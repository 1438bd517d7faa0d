import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { KarteError } from '../../../shared/errors';
import type { TextRun } from '../../../shared/excel/sheet-layout';

// The one module that knows exceljs (so it can be swapped for a maintained fork): sheets written as a stream, so a
// workbook of 200,000 rows never sits whole in memory, and sheets read as the text of their cells. A formula is never
// evaluated: its cell reads as the value Excel saved with it.

/** A cell as Karte writes it: plain text, or runs of text some of them bold. */
export type CellValue = string | TextRun[];

export interface SheetSpec {
  name: string;
  /** A title row above the headings, across every column. */
  title?: string;
  columns: readonly { heading: string; width: number }[];
  rows: Iterable<CellValue[]>;
  /** Printed on A4 across (landscape) rather than down. */
  landscape: boolean;
  /** The audience marking, printed in every page's header and footer. */
  marking: string;
  /** Columns that stay in view when scrolling across (the rows through the headings always stay). */
  frozenColumns: number;
}

const WRAPPED: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

function cellValue(value: CellValue): ExcelJS.CellValue {
  if (typeof value === 'string') return value;
  return { richText: value.map((run) => (run.bold ? { text: run.text, font: { bold: true } } : { text: run.text })) };
}

/** Header and footer text: '&' starts a code in Excel's header language, so it is doubled. */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

// exceljs zips (archiver) what a sheet's rows become only while the event loop turns, one sheet after another: written
// in one go, the whole workbook's XML waited in memory until the end (206 MiB of buffers at 200,000 events; 133 MiB
// with the waits, peak RSS of the export 530 → 430 MiB, no slower). So the writing
// waits for each sheet to be zipped before the next, and within a sheet for the zip to take what it was given. Both
// read exceljs's zip and a sheet's stream, which its types do not name: this module is the one that knows exceljs.

/** How many rows are written between two waits for the zip. */
const ROWS_BETWEEN_WAITS = 500;

interface ZippingWorkbook {
  zip: NodeJS.EventEmitter;
}

interface StreamedWorksheet {
  id: number;
  stream: { pipes: Writable[] };
}

/** Resolves once the zip has taken in the whole of a sheet (archiver's 'entry' event names it); rejects if the zip fails. */
function sheetZipped(workbook: ExcelJS.stream.xlsx.WorkbookWriter, worksheet: ExcelJS.Worksheet): Promise<void> {
  const { zip } = workbook as unknown as ZippingWorkbook;
  const name = `xl/worksheets/sheet${(worksheet as unknown as StreamedWorksheet).id}.xml`;
  return new Promise((resolve, reject) => {
    const stop = () => {
      zip.off('entry', entered);
      zip.off('error', failed);
    };
    const entered = (entry: { name: string }) => {
      if (entry.name !== name) return;
      stop();
      resolve();
    };
    const failed = (error: unknown) => {
      stop();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    zip.on('entry', entered);
    zip.on('error', failed);
  });
}

/** Lets the zip work on the sheet's rows so far: one turn of the event loop, or until its input drains when full. */
async function zipCaughtUp(worksheet: ExcelJS.Worksheet): Promise<void> {
  const zipInput = (worksheet as unknown as StreamedWorksheet).stream.pipes[0];
  if (zipInput?.writableNeedDrain) await once(zipInput, 'drain');
  else await new Promise((resolve) => setImmediate(resolve));
}

/** Writes the sheets as one .xlsx to `out`, a row at a time. */
export async function writeWorkbook(out: Writable, sheets: Iterable<SheetSpec>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  for (const sheet of sheets) {
    const headingRow = sheet.title === undefined ? 1 : 2;
    const worksheet = workbook.addWorksheet(sheet.name, {
      pageSetup: {
        paperSize: 9,
        orientation: sheet.landscape ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `${headingRow}:${headingRow}`,
      },
      headerFooter: { oddHeader: `&R${headerText(sheet.marking)}`, oddFooter: `&L${headerText(sheet.marking)}&R&P / &N` },
      views: [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: headingRow }],
    });
    // Wrapped and aligned to the top by column: a style set on each row's cells cost a quarter of a large export.
    worksheet.columns = sheet.columns.map((c) => ({ width: c.width, style: { alignment: WRAPPED } }));
    if (sheet.title !== undefined) {
      const title = worksheet.addRow([sheet.title]);
      title.font = { bold: true, size: 12 };
      worksheet.mergeCells(1, 1, 1, sheet.columns.length);
      title.commit();
    }
    const headings = worksheet.addRow(sheet.columns.map((c) => c.heading));
    headings.font = { bold: true };
    headings.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    headings.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F2' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    headings.commit();
    let written = 0;
    for (const values of sheet.rows) {
      worksheet.addRow(values.map(cellValue)).commit();
      if (++written % ROWS_BETWEEN_WAITS === 0) await zipCaughtUp(worksheet);
    }
    const done = sheetZipped(workbook, worksheet);
    worksheet.commit();
    await done;
  }
  await workbook.commit();
}

/**
 * A sheet as read: each row's cells as text ('' for an empty cell). A cell of a merged range reads as the range's
 * value: a heading merged across two columns heads both, a country merged down over rows names each.
 */
export interface ReadSheet {
  name: string;
  rows: string[][];
}

/** What a workbook may hold at most, so a crafted file cannot exhaust the app. */
export const WORKBOOK_LIMITS = { bytes: 50 * 1024 * 1024, unzippedBytes: 500 * 1024 * 1024, entries: 10_000 };

/** The zip's entries as its central directory lists them: each name and its size unzipped. */
function zipEntries(bytes: Buffer): Promise<{ name: string; size: number }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const entries: { name: string; size: number }[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push({ name: entry.fileName, size: entry.uncompressedSize });
        if (entries.length > WORKBOOK_LIMITS.entries) return resolve(entries);
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The reason a file is not a workbook Karte reads, as an error naming the file. */
function refused(file: string, reason: 'too_large' | 'encrypted' | 'not_xlsx' | 'macros', message: string): KarteError {
  return new KarteError('workbook_refused', `${file}: ${message}`, { params: { file, reason } });
}

const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Checks a workbook's bytes against the limits before anything unzips it. */
async function checkWorkbook(file: string, bytes: Buffer): Promise<void> {
  if (bytes.length > WORKBOOK_LIMITS.bytes) throw refused(file, 'too_large', `larger than ${WORKBOOK_LIMITS.bytes / 1024 / 1024} MB`);
  // A password-protected .xlsx is an encrypted compound file, as is an old .xls.
  if (bytes.subarray(0, 8).equals(COMPOUND_FILE)) throw refused(file, 'encrypted', 'password-protected, or an old .xls: save it as an .xlsx without a password');
  let entries: { name: string; size: number }[];
  try {
    entries = await zipEntries(bytes);
  } catch {
    throw refused(file, 'not_xlsx', 'not an .xlsx workbook');
  }
  if (entries.length > WORKBOOK_LIMITS.entries || entries.reduce((n, e) => n + e.size, 0) > WORKBOOK_LIMITS.unzippedBytes)
    throw refused(file, 'too_large', `unzips to more than ${WORKBOOK_LIMITS.unzippedBytes / 1024 / 1024} MB`);
  if (entries.some((e) => /vbaProject\.bin$/i.test(e.name))) throw refused(file, 'macros', 'holds macros: save it as an .xlsx without macros');
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw refused(file, 'not_xlsx', 'not an .xlsx workbook');
}

/** A cell's value as text: rich text joined, a formula's saved result, a date as YYYY-MM-DD. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  if ('error' in value) return value.error;
  return '';
}

/**
 * Reads every sheet of a workbook as text, after checking it against the limits. `file` names it in errors. The whole
 * workbook is loaded: exceljs's streaming reader decodes each chunk of the unzipped XML on its own, so a Japanese
 * character split between two chunks reads as U+FFFD (exceljs issues #2063, #2084, open in 4.4.0 and its forks).
 */
export async function readWorkbook(file: string, bytes: Buffer): Promise<ReadSheet[]> {
  await checkWorkbook(file, bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw refused(file, 'not_xlsx', 'not an .xlsx workbook Karte can read');
  }
  return workbook.worksheets.map((worksheet) => {
    const rows: string[][] = [];
    worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        // exceljs gives each cell of a merged range the range's value.
        cells[column - 1] = cellText(cell.value);
      });
      rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
    });
    return { name: worksheet.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}
