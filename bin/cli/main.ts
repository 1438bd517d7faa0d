import readline from 'node:readline/promises';
import { Writable } from 'node:stream';
import { Command, CommanderError } from 'commander';
import type { HistoryEntry, ImportProgress } from '../../shared/views';
import os from 'node:os';
import { dayOf, formatDate } from '../../shared/dates';
import { describeError } from '../../shared/errors';
import { PHASE_LABELS, PHASES } from '../../shared/phases';
import { isScope, SCOPES } from '../../shared/scopes';
import { countryByIso2 } from '../../shared/reference/countries';
import { VISIT_KIND_LABELS } from '../../shared/model/visit';
import { PACK_SECTIONS } from '../../shared/pack/pack-input';
import { getCase, listCases, setCaseField } from '../../electron/services/cases';
import { countrySummaries } from '../../electron/services/countries';
import { addEvent, setEventField } from '../../electron/services/events';
import { caseHistory } from '../../electron/services/history';
import { importKarteFiles, ImportError } from '../../electron/services/import/karte-import';
import { defaultDatabaseFile } from '../../electron/services/paths';
import { buildPackInput, packSections } from '../../electron/services/pack/build-input';
import { writePackPdf } from '../../electron/services/pack/export-pack';
import { closePackBrowser } from '../../electron/services/pack/render-pdf';
import { search } from '../../electron/services/search';
import { getVisit, listVisits } from '../../electron/services/visits';
import { openStore, type Change, type Store } from '../../electron/services/store/store';
import { login, syncOnce } from '../../electron/services/sync/client';
import { listConflicts, resolveConflict, type ConflictSide } from '../../electron/services/sync/conflicts';
import { decodeHlc } from '../../shared/hlc';
import { registerAdminCommands } from './admin';
import { runApp } from './app';
import { formatTable } from './table';

interface GlobalOptions {
  db?: string;
  json?: boolean;
}

/** Output goes through these, so tests can run the CLI in-process. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  stderrIsTty: boolean;
}

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  stderrIsTty: Boolean(process.stderr.isTTY) };

function author(): string {
  return process.env.KARTE_USER ?? os.userInfo().username;
}

function countryNames(codes: string[]): string {
  return codes.map((code) => countryByIso2(code)?.ja ?? code).join('・');
}

function phaseLabel(phase: string | null): string {
  return phase === null ? '—' : PHASE_LABELS[phase as keyof typeof PHASE_LABELS].ja;
}

function shortId(id: string): string {
  return id.slice(0, 8);
}

function showValue(value: unknown): string {
  if (value === undefined || value === null) return '∅';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'object' && value !== null && 'text' in value && 'precision' in value) return String((value as { text: string }).text) || '∅';
  return JSON.stringify(value);
}

/** A password from KARTE_PASSWORD or the first line of stdin: never an argument, which other users can see. */
/** Asks on the terminal without echoing what is typed. */
async function askHidden(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const terminal = readline.createInterface({ input: process.stdin, output, terminal: true });
  const answer = terminal.question(prompt);
  muted = true;
  try {
    return await answer;
  } finally {
    terminal.close();
    process.stderr.write('\n');
  }
}

async function readPassword(): Promise<string> {
  if (process.env.KARTE_PASSWORD) return process.env.KARTE_PASSWORD;
  if (process.stdin.isTTY) {
    const typed = await askHidden('password: ');
    if (!typed) throw new Error('no password given');
    return typed;
  }
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  const password = text.split(/\r?\n/)[0];
  if (!password) throw new Error('no password: set KARTE_PASSWORD or give it on stdin');
  return password;
}

function conflictSide(side: ConflictSide): string {
  return `${showValue(side.value)}  (${side.author}, ${new Date(decodeHlc(side.hlc).millis).toISOString().slice(0, 19).replace('T', ' ')}Z)`;
}

function importProgress(io: Io): (p: ImportProgress) => void {
  let lastReported = -1;
  return (p) => {
    // A line per tenth of a large file and one per small file: enough to follow a long import.
    const done = p.caseIndex === p.caseCount;
    const tenth = Math.floor((p.caseIndex * 10) / p.caseCount);
    if (!done && (p.caseCount < 100 || tenth === lastReported)) return;
    lastReported = done ? -1 : tenth;
    io.err(`importing ${p.file} (${p.fileIndex + 1}/${p.fileCount}): case ${p.caseIndex}/${p.caseCount}`);
  };
}

function historyLines(entries: HistoryEntry[]): string[] {
  const lines: string[] = [];
  entries.forEach((e, i) => {
    const record = e.table === 'cases' ? 'case' : `event ${shortId(e.rowId)}`;
    const when = `${e.at.slice(0, 19).replace('T', ' ')}Z  ${e.author}`;
    if (!e.created) {
      lines.push(`${when}  ${record}.${e.field}  ${showValue(e.old)} → ${showValue(e.value)}`);
      return;
    }
    // The fields a record was created with go on one line.
    if (i > 0 && entries[i - 1].created && entries[i - 1].hlc === e.hlc) return;
    const fields = entries.filter((other) => other.hlc === e.hlc && other.field !== 'caseId');
    lines.push(`${when}  created ${record}: ${fields.map((f) => `${f.field}=${showValue(f.value)}`).join(', ')}`);
  });
  return lines;
}

export function buildProgram(io: Io): Command {
  const program = new Command('karte')
    .description('Karte: overseas deployment dossiers (海外展開カルテ) from the command line')
    .option('--db <path>', 'the local store file', defaultDatabaseFile())
    .option('--json', 'print machine-readable JSON')
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride();

  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  const withStore = <T>(work: (store: Store) => T): T => {
    const store = openStore(globals().db ?? defaultDatabaseFile(), { key: process.env.KARTE_DB_KEY, author: author() });
    try {
      return work(store);
    } finally {
      store.close();
    }
  };
  const withStoreAsync = async <T>(work: (store: Store) => Promise<T>): Promise<T> => {
    const store = openStore(globals().db ?? defaultDatabaseFile(), { key: process.env.KARTE_DB_KEY, author: author() });
    try {
      return await work(store);
    } finally {
      store.close();
    }
  };
  const print = (json: unknown, text: () => string) => io.out(globals().json ? JSON.stringify(json, null, 2) : text());

  program
    .command('import')
    .description('import karte JSON files, all or nothing')
    .argument('<files...>')
    .action((files: string[]) =>
      withStore((store) => {
        const report = importKarteFiles(store, files, importProgress(io));
        print(report, () =>
          [
            `imported ${report.files} file(s): ${report.casesAdded} cases added (${report.casesKept} already there),`,
            `${report.eventsAdded} events added (${report.eventsKept} already there), ${report.dossiersAdded} dossiers added`,
          ].join(' '),
        );
      }),
    );

  program
    .command('countries')
    .description('countries with cases, counted by current phase')
    .action(() =>
      withStore((store) => {
        const rows = countrySummaries(store);
        print(rows, () =>
          formatTable(
            ['ISO', 'country', 'cases', ...PHASES.map((p) => PHASE_LABELS[p].ja), '—'],
            rows.map((r) => [r.iso2, `${r.ja} (${r.en})`, String(r.cases), ...PHASES.map((p) => String(r.byPhase[p])), String(r.byPhase.none)]),
          ),
        );
      }),
    );

  program
    .command('cases')
    .description('list cases')
    .option('--country <iso2>', 'only cases in this country')
    .option('--region <region>', 'only cases in this region (ASEAN, 中南米 …)')
    .option('--sector <sector>', 'only cases of this sector (code or label)')
    .option('--phase <phase>', `only cases whose current phase is this (${PHASES.join(', ')}, none)`)
    .option('--status <status>', 'only cases with this status (active, won, on_hold, dropped)')
    .action((filter: { country?: string; region?: string; sector?: string; phase?: string; status?: string }) =>
      withStore((store) => {
        const rows = listCases(store, filter);
        print(rows, () =>
          formatTable(
            ['id', 'country', 'sector', 'phase', 'status', 'events', 'title'],
            rows.map((c) => [shortId(c.id), countryNames(c.countries) || c.region, c.sectorLabel, phaseLabel(c.currentPhase), c.status, String(c.eventCount), c.title]),
          ),
        );
      }),
    );

  const caseCommand = program
    .command('case')
    .description('show a case with its events phase by phase (case ID), or change it (case set ID FIELD VALUE)')
    .argument('<id>', 'case id or its first characters')
    .action((id: string) =>
      withStore((store) => {
        const detail = getCase(store, id);
        print(detail, () => {
          const c = detail.case;
          const lines = [
            `${c.title}`,
            `id        ${c.id}`,
            `country   ${countryNames(c.countries) || '—'}${c.region ? ` (${c.region})` : ''}`,
            `sector    ${c.sectorLabel} [${c.sector}]`,
            `summary   ${c.summary || '—'}`,
            `status    ${c.status}    phase ${phaseLabel(detail.currentPhase)}    scope ${c.scope}`,
            `今後の方針 ${c.futurePolicy || '—'}`,
          ];
          for (const phase of PHASES) {
            const events = detail.events.filter((e) => e.phase === phase);
            if (events.length === 0) continue;
            lines.push('', `【${PHASE_LABELS[phase].ja}】`);
            for (const e of events) lines.push(`  ${shortId(e.id)}  ${(formatDate(e.date, 'ja') || '日付不明').padEnd(12)}  ${e.text}  [${e.scope}]`);
          }
          if (c.notes) lines.push('', `notes     ${c.notes}`);
          return lines.join('\n');
        });
      }),
    );
  const setCommand = (parent: Command, description: string, set: (store: Store, id: string, field: string, value: string) => Change[]) =>
    parent
      .command('set')
      .description(description)
      .argument('<id>')
      .argument('<field>')
      .argument('<value>')
      .action((id: string, field: string, value: string) =>
        withStore((store) => {
          const changes = set(store, id, field, value);
          print(changes, () => (changes.length === 0 ? 'unchanged' : `set ${changes.map((ch) => ch.field).join(', ')}`));
        }),
      );
  setCommand(caseCommand, 'set one field of a case (title, summary, sector, status, futurePolicy, scope, countries, …)', setCaseField);

  const eventCommand = program.command('event').description('add or change stage events');
  eventCommand
    .command('add')
    .description('add an event to a case')
    .argument('<caseId>')
    .requiredOption('--phase <phase>', PHASES.join(' | '))
    .requiredOption('--date <text>', 'as written: 2020年1月, 2019年度, 2018年夏, 2020-01-15, "" for unknown')
    .requiredOption('--text <text>', 'what happened')
    .option('--scope <scope>', 'internal | government | council | public (default: the case scope)')
    .action((caseId: string, options: { phase: string; date: string; text: string; scope?: string }) =>
      withStore((store) => {
        const { id } = addEvent(store, caseId, options);
        print({ id }, () => id);
      }),
    );
  setCommand(eventCommand, 'set one field of an event (phase, date, text, scope, organisation, signatoryLevel, source)', setEventField);

  program
    .command('search')
    .description('search cases, events and dossiers (Japanese or English, two characters and up)')
    .argument('<query...>')
    .option('--limit <n>', 'at most this many hits', '50')
    .action((words: string[], options: { limit: string }) =>
      withStore((store) => {
        const result = search(store, words.join(' '), Number(options.limit));
        print(result, () => {
          const count = `${result.total}${result.totalCapped ? '+' : ''}`;
          const lines = [`${count} match(es) for '${result.query}'${result.total > result.hits.length ? `, newest ${result.hits.length} shown` : ''}`];
          for (const hit of result.hits) {
            const where = hit.caseTitle ? `${countryNames(hit.countries) || '—'} / ${hit.caseTitle}` : hit.kind;
            const when = hit.date ? ` ${formatDate(hit.date, 'ja')}` : '';
            lines.push(`${hit.kind.padEnd(9)} ${shortId(hit.id)}  ${where}${hit.phase ? `  【${phaseLabel(hit.phase)}】` : ''}${when}`, `          ${hit.excerpt}`);
          }
          return lines.join('\n');
        });
      }),
    );

  program
    .command('visits')
    .description('list visits (トップセールス, 官民ミッション, 政策対話) in date order')
    .option('--country <iso2>', 'only visits to this country')
    .action((filter: { country?: string }) =>
      withStore((store) => {
        const rows = listVisits(store, filter);
        print(rows, () =>
          formatTable(
            ['id', 'country', 'dates', 'kind', 'cases', 'scope', 'title'],
            rows.map((v) => [shortId(v.id), countryNames([v.country]), formatDate(v.dates, 'ja') || '—', VISIT_KIND_LABELS[v.kind].ja, String(v.caseIds.length), v.scope, v.title]),
          ),
        );
      }),
    );

  program
    .command('visit')
    .description('show a visit: delegation, counterparts, objectives, asks and linked cases')
    .argument('<id>', 'visit id or its first characters')
    .action((id: string) =>
      withStore((store) => {
        const visit = getVisit(store, id);
        print(visit, () =>
          [
            visit.title,
            `id        ${visit.id}`,
            `country   ${countryNames([visit.country])}    dates ${formatDate(visit.dates, 'ja') || '—'}    kind ${VISIT_KIND_LABELS[visit.kind].ja}    scope ${visit.scope}`,
            `目的      ${visit.objectives || '—'}`,
            `要望      ${visit.asks || '—'}`,
            '',
            '訪問団',
            ...visit.delegation.map((p) => `  ${p.name}  ${p.title}  [${p.level}]`),
            '面会先',
            ...visit.counterparts.map((p) => `  ${p.name}  ${p.title}  ${p.organisation}`),
            '案件',
            ...visit.caseIds.map((caseId) => `  ${shortId(caseId)}  ${getCase(store, caseId).case.title}`),
          ].join('\n'),
        );
      }),
    );

  program
    .command('pack')
    .description('write a country briefing pack (説明資料) as an A4 PDF, with nothing above its audience')
    .option('--country <iso2>', 'the country of the dossier (the visit\'s country with --visit)')
    .option('--visit <id>', 'a pack for this visit: its objectives and asks, and its linked cases unless --cases is given')
    .option('--cases <ids>', 'only these cases, comma-separated ids or id prefixes, in this order')
    .option('--lang <lang>', 'ja | en', 'ja')
    .option('--counterpart-lang <code>', "the counterpart's language (ISO 639-1, e.g. vi): its translations print beside summaries and talking points")
    .option('--sections <names>', `only these sections, comma-separated (the cover and contents always print): ${PACK_SECTIONS.join(', ')}`)
    .requiredOption('--audience <scope>', `who reads it: ${SCOPES.join(' | ')}`)
    .requiredOption('--out <file>', 'the PDF to write')
    .action(async (options: { country?: string; visit?: string; cases?: string; lang: string; counterpartLang?: string; sections?: string; audience: string; out: string }) => {
      const { audience, lang } = options;
      if (options.country === undefined && options.visit === undefined) throw new Error('give --country or --visit');
      if (!isScope(audience)) throw new Error(`unknown audience '${audience}': one of ${SCOPES.join(', ')}`);
      if (lang !== 'ja' && lang !== 'en') throw new Error(`unknown language '${lang}': ja or en`);
      const caseIds = options.cases?.split(',').map((id) => id.trim()).filter((id) => id !== '');
      const sections = options.sections === undefined ? undefined : packSections(options.sections.split(',').map((name) => name.trim()));
      const input = withStore((store) =>
        buildPackInput(store, { country: options.country, visitId: options.visit, audience, lang, counterpartLang: options.counterpartLang, caseIds, sections, asOf: dayOf(new Date()) }),
      );
      try {
        await writePackPdf(input, options.out);
      } finally {
        await closePackBrowser();
      }
      print({ file: options.out, cases: input.cases.length }, () => `wrote ${options.out}: ${input.cases.length} case(s) for ${audience}`);
    });

  program
    .command('app')
    .description('start the app: the desktop app where Electron is installed, else browser mode on 127.0.0.1')
    .option('--host <host>', 'address to listen on in browser mode', '127.0.0.1')
    .option('--port <port>', 'port in browser mode (0: any free port)', '0')
    .option('--browser', 'browser mode even where Electron is installed')
    .action((options: { host: string; port: string; browser?: boolean }) =>
      runApp({ db: globals().db ?? defaultDatabaseFile(), host: options.host, port: Number(options.port), browser: options.browser === true, author: author() }, io),
    );

  program
    .command('history')
    .description('the change log of a case and its events: who, when, field, old → new')
    .argument('<caseId>')
    .action((caseId: string) =>
      withStore((store) => {
        const entries = caseHistory(store, caseId);
        print(entries, () => historyLines(entries).join('\n'));
      }),
    );

  program
    .command('login')
    .description('sign this store in to a sync server (password from KARTE_PASSWORD or stdin)')
    .requiredOption('--server <url>', 'the sync server, e.g. http://127.0.0.1:8470')
    .requiredOption('--user <login>', 'your login')
    .action(async (options: { server: string; user: string }) => {
      const password = await readPassword();
      await withStoreAsync(async (store) => {
        const account = await login(store, { server: options.server, login: options.user, password });
        print({ server: account.server, login: account.login, device: store.node }, () => `signed in to ${account.server} as ${account.login} (device ${store.node})`);
      });
    });

  program
    .command('sync')
    .description('push this store\'s changes to the sync server and pull what others changed')
    .action(() =>
      withStoreAsync(async (store) => {
        const report = await syncOnce(store);
        print(report, () =>
          [
            `pushed ${report.pushed}, rejected ${report.rejected.length}, pulled ${report.pulled}, removed ${report.purged} (out of reach now), conflicts ${report.conflicts}`,
            ...report.rejected.map((r) => `  rejected ${r.field} @ ${r.hlc}: ${r.reason}`),
          ].join('\n'),
        );
      }),
    );

  program
    .command('conflicts')
    .description('local values a synced change overwrote, waiting for a person: mine vs theirs')
    .action(() =>
      withStore((store) => {
        const open = listConflicts(store);
        print(open, () =>
          open.length === 0
            ? 'no open conflicts'
            : open.map((c) => [`#${c.id}  ${c.table} ${shortId(c.rowId)}  ${c.field}`, `  mine    ${conflictSide(c.mine)}`, `  theirs  ${conflictSide(c.theirs)}`].join('\n')).join('\n'),
        );
      }),
    );

  program
    .command('conflict')
    .description('settle conflicts')
    .command('resolve')
    .description('keep mine, keep theirs, or write a merge (--merged TEXT)')
    .argument('<id>', 'the conflict number')
    .argument('[choice]', 'mine | theirs')
    .option('--merged <text>', 'the merged value')
    .action((id: string, choice: string | undefined, options: { merged?: string }) =>
      withStore((store) => {
        if (options.merged === undefined && choice !== 'mine' && choice !== 'theirs') throw new Error('choose mine, theirs or --merged TEXT');
        resolveConflict(store, Number(id), options.merged === undefined ? (choice as 'mine' | 'theirs') : { merged: options.merged });
        print({ id: Number(id), resolution: options.merged === undefined ? choice : 'merged' }, () => `conflict ${id} resolved`);
      }),
    );

  registerAdminCommands(program, { withStore, print, readPassword });

  return program;
}

/** Runs the CLI; returns the exit code. Errors go to stderr, naming what was wrong. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof ImportError) io.err(`import failed, nothing was imported:\n${error.message}`);
    else io.err(`karte: ${describeError(error)}`);
    return 1;
  }
}
