import fs from 'node:fs';
import path from 'node:path';
import { API, isApiName, type ApiEventName, type ApiEvents, type ApiName, type ApiParsedArgs, type ApiResult } from '../../shared/api';
import { describeError, issuesOf, KarteError } from '../../shared/errors';
import type { RecordTable } from '../../shared/model/records';
import { agreementCandidates, agreementsOfCase, markAgreements } from './agreements';
import { createCase, getCase, listCases, setCaseField, updateCase } from './cases';
import { pipelineAnswer } from './analytics';
import { countrySummaries } from './countries';
import { listOrganisations } from './organisations';
import { getProject, listProjects } from './projects';
import { listSnapshots, takeSnapshot } from './snapshots';
import { buildProjectReportInput } from './report/project-report';
import { openDossier, updateDossier } from './dossiers';
import { addEvent, deleteEvent, setEventField, updateEvent } from './events';
import { caseHistory } from './history';
import { homeView } from './home';
import { importJsonFiles, parseJsonFiles, writeJsonFiles } from './import/council-import';
import { createScheme, deleteScheme, getScheme, listSchemes, updateScheme } from './council/schemes';
import {
  addOffer,
  addTrackRecord,
  deleteOffer,
  deleteTrackRecord,
  createOwnMember,
  getMember,
  memberSelf,
  getOffer,
  getTrackRecord,
  listMembers,
  updateMember,
  updateOffer,
  updateTrackRecord,
} from './council/members';
import { addContact, createAdvisor, deleteAdvisor, deleteContact, getAdvisor, getContact, listAdvisors, updateAdvisor, updateContact } from './council/advisors';
import { buildPackInput } from './pack/build-input';
import { writePackDocx } from './pack/render-docx';
import { omittedSections } from '../../shared/pack/pack-input';
import { documentFileName, madeFile, type Delivery } from './delivery';
import { search } from './search';
import {
  addHurdle,
  addIndicator,
  addMeasure,
  comparePlan,
  deletePlanPart,
  getPlan,
  overdueFollowUps,
  saveRevision,
  setHurdleField,
  setIndicatorField,
  setPeriodValues,
  setPlanField,
  updateHurdle,
  updateIndicator,
  updatePlan,
} from './plans';
import { readRow, type Change, type Store } from './store/store';
import { conflictViews, listConflicts, resolveConflict } from './sync/conflicts';
import type { SyncLoop } from './sync/sync-loop';
import { undoStep, WriteRecorder, type UndoStep, type Written } from './undo';
import { exportCsv, workbookFileName, writeTableFile, writeWorkbookFile } from './excel/export-workbook';
import { importTables, previewTables, type TableFile } from './excel/import-tables';
import { createVisit, deleteVisit, getVisit, listVisits, recordedOutcomes, recordOutcomes, updateVisit, visitCountries } from './visits';
import { addFact, deleteFact, factsOfCountry, getFact, updateFact } from './country-facts';
import { buildDirectionSheetInput, createDirection, deleteDirection, directionsOf, getDirection, updateDirection } from './directions';
import { countryCode } from './countries';
import { regionsOfCountry } from '../../shared/reference/regions';
import { dayOf } from '../../shared/dates';
import { addQuestion, deleteQuestion, getQuestion, moveQuestion, questionsBeside, questionsOf, updateQuestion } from './questions';
import { createProfile, deleteProfile, linkVisit, profileView, profileViews, unlinkVisit, updateProfile } from './profiles';
import { buildSectorSheetInput, matchCaseView, matchMemberView, sectorOverviewView } from './council/matching';

// The back end of the one typed API (shared/api.ts), the same whether the call came over Electron IPC or over HTTP
// in browser mode. Arguments are validated here, at the boundary, before any handler runs.

/** What the handlers work on: the back end's parts (back-end.ts opens them all). */
export interface ApiContext {
  store: Store;
  /** The store's one sync loop: told of every local edit, asked for the sync calls. */
  sync: SyncLoop;
  /** Folder of the bundled demo dossiers (resources/demo). */
  demoDir: string;
  version: string;
  encrypted: boolean;
  emit: <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void;
  /** How this host shows and hands over briefing packs; without it packs cannot be previewed or exported. */
  delivery?: Delivery;
}

export type Handlers = { [K in ApiName]: (args: ApiParsedArgs<K>) => ApiResult<K> | Promise<ApiResult<K>> };

export function createHandlers(ctx: ApiContext): Handlers {
  const { store, sync } = ctx;
  /** Every local write is announced here, and goes up with the next sync; what the sync applied is not. */
  const changed = (tables: string[]) => {
    ctx.emit('store.changed', { tables });
    sync.edited();
  };
  // Ctrl+Z walks back through the edits made in this session, newest first.
  const undoSteps: UndoStep[] = [];
  const wrote = ({ step, tables }: Written) => {
    if (step.length > 0) {
      undoSteps.push(step);
      changed(tables);
    }
  };
  const edited = (changes: Change[]) => wrote(new WriteRecorder().add(changes).written());
  const delivery = (): Delivery => {
    if (!ctx.delivery) throw new KarteError('delivery_unavailable', 'nothing here can show or hand over packs and files');
    return ctx.delivery;
  };
  /** Writes a file for the user with `write` and hands it to the host, which saves it where the user says or offers it for download. */
  const handOver = async (fileName: string, write: (file: string) => Promise<unknown>) => {
    const host = delivery();
    const made = madeFile(fileName);
    try {
      await write(made.path);
    } catch (error) {
      await fs.promises.rm(made.path, { force: true });
      throw error;
    }
    return host.file(made);
  };
  /** The plan a part belongs to, as it stands after an edit. */
  const planOf = (table: 'indicators' | 'indicator_periods' | 'hurdles' | 'plan_revisions', id: string) => getPlan(store, readRow(store, table, id)!.caseId);
  const progress = (p: ApiEvents['import.progress']) => ctx.emit('import.progress', p);
  const tableProgress = (p: ApiEvents['import.tableProgress']) => ctx.emit('import.tableProgress', p);
  const tableFiles = (files: ApiParsedArgs<'import.tables'>['files']): TableFile[] =>
    files.map((f) => ({ name: f.name, bytes: Buffer.from(f.data, 'base64'), encoding: f.encoding }));
  const imported = <T>(report: T): T => {
    changed(['dossiers', 'cases', 'events', 'schemes', 'organisations', 'track_records']);
    return report;
  };

  return {
    'app.info': () => ({
      version: ctx.version,
      databaseFile: store.file,
      node: store.node,
      author: store.author,
      empty: store.db.prepare('SELECT 1 FROM cases WHERE deleted = 0 LIMIT 1').get() === undefined,
      encrypted: ctx.encrypted,
      pid: process.pid,
    }),
    'demo.import': () => {
      // The dossiers, and the council's schemes and track records beside them.
      const jsonIn = (dir: string) =>
        fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => path.join(dir, f));
      return imported(importJsonFiles(store, [...jsonIn(ctx.demoDir), ...jsonIn(path.join(ctx.demoDir, 'council'))], progress));
    },
    'home.get': ({ stuckMonths }) => homeView(store, stuckMonths),
    'countries.list': ({ sector }) => countrySummaries(store, sector),
    'organisations.list': () => listOrganisations(store),
    'dossier.get': ({ country }) => openDossier(store, country),
    'dossier.set': ({ country, values }) => {
      edited(updateDossier(store, country, values));
      return openDossier(store, country);
    },
    'cases.list': (filter) => listCases(store, filter),
    'case.get': ({ id }) => getCase(store, id),
    'stats.get': (request) => pipelineAnswer(store, request),
    'projects.list': () => listProjects(store),
    'snapshot.take': (request) => takeSnapshot(store, request),
    'snapshots.list': () => listSnapshots(store),
    'project.get': ({ no }) => getProject(store, no),
    'case.create': (fields) => {
      const { id, changes } = createCase(store, fields);
      edited(changes);
      return { id };
    },
    'case.update': ({ id, values }) => {
      edited(updateCase(store, id, values));
      return getCase(store, id);
    },
    'event.add': ({ caseId, ...input }) => {
      const { id, changes } = addEvent(store, caseId, input);
      edited(changes);
      return { id };
    },
    'event.update': ({ id, values }) => {
      edited(updateEvent(store, id, values));
      return getCase(store, readRow(store, 'events', id)!.caseId);
    },
    'case.setText': ({ id, field, text }) => {
      edited(setCaseField(store, id, field, text));
      return getCase(store, id);
    },
    'event.setText': ({ id, field, text }) => {
      edited(setEventField(store, id, field, text));
      return getCase(store, readRow(store, 'events', id)!.caseId);
    },
    'event.delete': ({ id }) => {
      edited(deleteEvent(store, id));
      return getCase(store, readRow(store, 'events', id)!.caseId);
    },
    'plan.get': ({ caseId }) => getPlan(store, caseId),
    'plan.update': ({ caseId, values }) => {
      edited(updatePlan(store, caseId, values));
      return getPlan(store, caseId);
    },
    'plan.setText': ({ caseId, field, text }) => {
      edited(setPlanField(store, caseId, field, text));
      return getPlan(store, caseId);
    },
    'plan.saveRevision': ({ caseId, label }) => {
      const { id, changes } = saveRevision(store, caseId, label);
      edited(changes);
      return { id };
    },
    'plan.compare': ({ caseId, from, to }) => comparePlan(store, caseId, from, to),
    'plans.overdue': () => overdueFollowUps(store),
    'indicator.add': ({ caseId, values }) => {
      const { id, changes } = addIndicator(store, caseId, values);
      edited(changes);
      return { id };
    },
    'indicator.update': ({ id, values }) => {
      edited(updateIndicator(store, id, values));
      return planOf('indicators', id);
    },
    'indicator.setText': ({ id, field, text }) => {
      edited(setIndicatorField(store, id, field, text));
      return planOf('indicators', id);
    },
    'indicator.delete': ({ id }) => {
      edited(deletePlanPart(store, 'indicators', id));
      return planOf('indicators', id);
    },
    'period.set': ({ indicatorId, period, values }) => {
      edited(setPeriodValues(store, indicatorId, period, values).changes);
      return planOf('indicators', indicatorId);
    },
    'period.delete': ({ id }) => {
      edited(deletePlanPart(store, 'indicator_periods', id));
      return planOf('indicator_periods', id);
    },
    'hurdle.add': ({ caseId, values }) => {
      const { id, changes } = addHurdle(store, caseId, values);
      edited(changes);
      return { id };
    },
    'hurdle.update': ({ id, values }) => {
      edited(updateHurdle(store, id, values));
      return planOf('hurdles', id);
    },
    'hurdle.setText': ({ id, field, text }) => {
      edited(setHurdleField(store, id, field, text));
      return planOf('hurdles', id);
    },
    'hurdle.addMeasure': ({ id, measure }) => {
      edited(addMeasure(store, id, measure));
      return planOf('hurdles', id);
    },
    'hurdle.delete': ({ id }) => {
      edited(deletePlanPart(store, 'hurdles', id));
      return planOf('hurdles', id);
    },
    'revision.delete': ({ id }) => {
      edited(deletePlanPart(store, 'plan_revisions', id));
      return planOf('plan_revisions', id);
    },
    'visits.list': (filter) => listVisits(store, filter),
    'visit.get': ({ id }) => getVisit(store, id),
    'visit.create': (values) => {
      const { id, changes } = createVisit(store, values);
      edited(changes);
      return { id };
    },
    'visit.update': ({ id, values }) => {
      edited(updateVisit(store, id, values));
      return getVisit(store, id);
    },
    'visit.delete': ({ id }) => {
      edited(deleteVisit(store, id));
      return { id };
    },
    'visit.outcomes': ({ id, outcomes }) => {
      const { ids, changes } = recordOutcomes(store, id, outcomes);
      edited(changes);
      return { ids };
    },
    'visit.recordedOutcomes': ({ id }) => recordedOutcomes(store, id),
    'visits.countries': () => visitCountries(store),
    'questions.list': (parent) => questionsOf(store, parent),
    'question.add': ({ caseId, visitId, ...values }) => {
      const { id, changes } = addQuestion(store, { caseId, visitId }, values);
      edited(changes);
      return { id };
    },
    'question.update': ({ id, values }) => {
      edited(updateQuestion(store, id, values));
      return questionsBeside(store, getQuestion(store, id));
    },
    'question.delete': ({ id }) => {
      edited(deleteQuestion(store, id));
      return questionsBeside(store, readRow(store, 'questions', id)!);
    },
    'question.move': ({ id, to }) => {
      edited(moveQuestion(store, id, to));
      return questionsBeside(store, getQuestion(store, id));
    },
    'profiles.list': ({ country }) => profileViews(store, country),
    'profile.get': ({ id }) => profileView(store, id),
    'profile.create': ({ country, values, visitIds }) => {
      const { id, changes } = createProfile(store, { ...values, country, visitIds });
      edited(changes);
      return { id };
    },
    'profile.update': ({ id, values }) => {
      edited(updateProfile(store, id, values));
      return profileView(store, id);
    },
    'profile.delete': ({ id }) => {
      edited(deleteProfile(store, id));
      return { id };
    },
    'profile.linkVisit': ({ id, visitId }) => {
      edited(linkVisit(store, id, visitId));
      return profileView(store, id);
    },
    'profile.unlinkVisit': ({ id, visitId }) => {
      edited(unlinkVisit(store, id, visitId));
      return profileView(store, id);
    },
    'agreements.suggest': ({ country }) => agreementCandidates(store, country),
    'agreements.mark': ({ marks }) => {
      const { ids, created, changes } = markAgreements(store, marks);
      edited(changes);
      return { ids, created };
    },
    'case.agreements': ({ caseId }) => agreementsOfCase(store, caseId),
    'facts.list': ({ country }) => factsOfCountry(store, countryCode(country)),
    'fact.add': ({ country, values }) => {
      const { id, changes } = addFact(store, country, values);
      edited(changes);
      return { id };
    },
    'fact.update': ({ id, values }) => {
      edited(updateFact(store, id, values));
      return getFact(store, id);
    },
    'fact.delete': ({ id }) => {
      edited(deleteFact(store, id));
      return { id };
    },
    'directions.list': ({ country, region }) =>
      country === undefined
        ? directionsOf(store, { country: null, regions: [region!] })
        : directionsOf(store, { country: countryCode(country), regions: regionsOfCountry(countryCode(country)).map((r) => r.code) }),
    'direction.create': ({ country, region, sector, values }) => {
      const { id, changes } = createDirection(store, country === undefined ? { region: region! } : { country }, sector, values);
      edited(changes);
      return { id };
    },
    'direction.update': ({ id, values }) => {
      edited(updateDirection(store, id, values));
      return getDirection(store, id);
    },
    'direction.delete': ({ id }) => {
      edited(deleteDirection(store, id));
      return { id };
    },
    'direction.preview': async (request) => ({ url: await delivery().preview({ kind: 'direction', input: buildDirectionSheetInput(store, request, dayOf(new Date())) }) }),
    'direction.export': (request) => delivery().export({ kind: 'direction', input: buildDirectionSheetInput(store, request, dayOf(new Date())) }),
    'match.case': ({ caseId }) => matchCaseView(store, caseId),
    'match.member': ({ organisationId }) => matchMemberView(store, organisationId),
    'sector.overview': ({ sector }) => sectorOverviewView(store, sector),
    'sector.preview': async (request) => ({ url: await delivery().preview({ kind: 'sector', input: buildSectorSheetInput(store, request, dayOf(new Date())) }) }),
    'sector.export': (request) => delivery().export({ kind: 'sector', input: buildSectorSheetInput(store, request, dayOf(new Date())) }),
    'schemes.list': (filter) => listSchemes(store, filter),
    'scheme.get': ({ id }) => getScheme(store, id),
    'scheme.create': ({ values }) => {
      const { id, changes } = createScheme(store, values);
      edited(changes);
      return { id };
    },
    'scheme.update': ({ id, values }) => {
      edited(updateScheme(store, id, values));
      return getScheme(store, id);
    },
    'scheme.delete': ({ id }) => {
      edited(deleteScheme(store, id));
      return { id };
    },
    'members.list': (filter) => listMembers(store, filter),
    'members.self': () => memberSelf(store),
    'member.createOwn': () => {
      const { id, changes } = createOwnMember(store);
      edited(changes);
      return { id };
    },
    'member.get': ({ id }) => getMember(store, id),
    'member.update': ({ id, values }) => {
      edited(updateMember(store, id, values));
      return getMember(store, id);
    },
    'offer.add': ({ organisationId, values }) => {
      const { id, changes } = addOffer(store, organisationId, values);
      edited(changes);
      return { id };
    },
    'offer.update': ({ id, values }) => {
      edited(updateOffer(store, id, values));
      return getOffer(store, id);
    },
    'offer.delete': ({ id }) => {
      edited(deleteOffer(store, id));
      return { id };
    },
    'trackRecord.add': ({ organisationId, values }) => {
      const { id, changes } = addTrackRecord(store, organisationId, values);
      edited(changes);
      return { id };
    },
    'trackRecord.update': ({ id, values }) => {
      edited(updateTrackRecord(store, id, values));
      return getTrackRecord(store, id);
    },
    'trackRecord.delete': ({ id }) => {
      edited(deleteTrackRecord(store, id));
      return { id };
    },
    'advisors.list': (filter) => listAdvisors(store, filter),
    'advisor.get': ({ id }) => getAdvisor(store, id),
    'advisor.create': ({ values }) => {
      const { id, changes } = createAdvisor(store, values);
      edited(changes);
      return { id };
    },
    'advisor.update': ({ id, values }) => {
      edited(updateAdvisor(store, id, values));
      return getAdvisor(store, id);
    },
    'advisor.delete': ({ id }) => {
      edited(deleteAdvisor(store, id));
      return { id };
    },
    'advisorContact.add': ({ advisorId, values }) => {
      const { id, changes } = addContact(store, advisorId, values);
      edited(changes);
      return { id };
    },
    'advisorContact.update': ({ id, values }) => {
      edited(updateContact(store, id, values));
      return getContact(store, id);
    },
    'advisorContact.delete': ({ id }) => {
      edited(deleteContact(store, id));
      return { id };
    },
    search: ({ query, limit }) => search(store, query, limit),
    'history.case': ({ id }) => caseHistory(store, id),
    undo: () => {
      while (undoSteps.length > 0) {
        const undone = undoStep(store, undoSteps.pop()!);
        if (undone) {
          changed([undone.table]);
          return { undone };
        }
      }
      return { undone: null };
    },
    'import.tablesPreview': ({ files, ...options }) => previewTables(store, tableFiles(files), options, tableProgress),
    'import.tables': async ({ files, ...options }) => {
      const { preview, written } = await importTables(store, tableFiles(files), options, tableProgress);
      wrote(written);
      return preview;
    },
    'export.xlsx': (choice) => handOver(workbookFileName(choice, 'xlsx'), (file) => writeWorkbookFile(store, choice, file)),
    'export.table': ({ name, rows }) => handOver(`${name}.xlsx`, (file) => writeTableFile(name, rows, file)),
    'export.csv': ({ what, ...choice }) => handOver(workbookFileName(choice, 'csv', what), (file) => fs.promises.writeFile(file, exportCsv(store, what, choice))),
    'import.files': ({ files }) =>
      imported(writeJsonFiles(store, parseJsonFiles(files.map((f) => ({ name: f.name, read: () => Buffer.from(f.data, 'base64') }))), new WriteRecorder(), progress)),
    'sync.status': () => sync.status(),
    'sync.now': () => sync.syncNow(),
    'sync.signIn': (request) => sync.signIn(request),
    'sync.signOut': () => sync.signOut(),
    'sync.networkChanged': ({ online }) => {
      sync.networkChanged(online);
      return sync.status();
    },
    'pack.preview': async (request) => {
      const input = buildPackInput(store, request);
      return { url: await delivery().preview({ kind: 'pack', input }), cases: input.cases.length, omitted: omittedSections(input) };
    },
    'pack.export': (request) => {
      const document = { kind: 'pack', input: buildPackInput(store, request) } as const;
      // The host prints a PDF in its Chromium; a Word document is the back end's to write, as an Excel export is.
      if (request.format === 'docx') return handOver(documentFileName(document, '.docx'), (file) => writePackDocx(document.input, file));
      return delivery().export(document);
    },
    'projectReport.preview': async (request) => ({ url: await delivery().preview({ kind: 'projectReport', input: buildProjectReportInput(store, request) }) }),
    'projectReport.export': (request) => delivery().export({ kind: 'projectReport', input: buildProjectReportInput(store, request) }),
    'conflicts.list': () => conflictViews(store),
    'backEnd.restart': () => ({}),
    'conflict.resolve': (args) => {
      const open = listConflicts(store).find((c) => c.id === args.id);
      // Throws for a conflict that is unknown or already settled, before anything is announced.
      resolveConflict(store, args.id, args.resolution === 'merged' ? { merged: args.merged } : args.resolution);
      changed([open!.table]);
      return sync.status();
    },
  };
}

/**
 * Validates a call's arguments against the contract, resolves the record ids it names (a prefix to the whole id:
 * `resolve`, so every handler gets whole ids) and runs its handler. Every failure is a KarteError (thrown, or the
 * rejection of the promise an asynchronous handler returns): a fault without a code of its own is 'internal'.
 */
export function dispatch(handlers: Handlers, name: string, args: unknown, resolve: (table: RecordTable, text: string) => string): unknown {
  if (!isApiName(name)) throw new KarteError('unknown_method', `no API method '${name}'`, { params: { name } });
  const parsed = API[name].args.safeParse(args ?? {});
  if (!parsed.success) throw new KarteError('invalid_arguments', `${name}: ${describeError(parsed.error)}`, { issues: issuesOf(parsed.error) });
  const failed = (error: unknown) => (error instanceof KarteError ? error : new KarteError('internal', describeError(error), {}, { cause: error }));
  try {
    const resolved = { ...(parsed.data as Record<string, unknown>) };
    // An id left out (an optional one) stays out.
    for (const [field, table] of Object.entries(API[name].refs)) if (resolved[field] !== undefined) resolved[field] = resolve(table, resolved[field] as string);
    const result = (handlers[name] as (a: unknown) => unknown)(resolved);
    return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(failed(error))) : result;
  } catch (error) {
    throw failed(error);
  }
}
