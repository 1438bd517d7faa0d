// The real dossier tables in resources/demo, read and validated the way the importer sees them.
import fs from 'node:fs';
import path from 'node:path';
import { karteFileSchema, type KarteCase, type KarteFile } from '../../shared/karte-json';
import { demoFiles as demoPaths } from './temp';

export interface DemoFile {
  name: string;
  data: KarteFile;
}

export interface DemoEvent {
  file: string;
  date: string;
  date_text: string;
}

export function demoTables(): DemoFile[] {
  return demoPaths().map((file) => ({ name: path.basename(file), data: karteFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))) }));
}

export function demoCases(): (KarteCase & { file: string })[] {
  return demoTables().flatMap(({ name, data }) => data.cases.map((c) => ({ ...c, file: name })));
}

export function demoEvents(): DemoEvent[] {
  return demoCases().flatMap((c) => c.events.map((e) => ({ file: c.file, date: e.date, date_text: e.date_text })));
}
