// The real dossier tables in resources/demo, read and validated the way the importer sees them.
import fs from 'node:fs';
import path from 'node:path';
import { karteFileSchema, type KarteCase, type KarteFile } from '../../shared/karte-json';

const DEMO_DIR = path.resolve(import.meta.dirname, '../../resources/demo');

export interface DemoFile {
  name: string;
  data: KarteFile;
}

export interface DemoEvent {
  file: string;
  date: string;
  date_text: string;
}

export function demoFiles(): DemoFile[] {
  return fs
    .readdirSync(DEMO_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, data: karteFileSchema.parse(JSON.parse(fs.readFileSync(path.join(DEMO_DIR, name), 'utf8'))) }));
}

export function demoCases(): (KarteCase & { file: string })[] {
  return demoFiles().flatMap(({ name, data }) => data.cases.map((c) => ({ ...c, file: name })));
}

export function demoEvents(): DemoEvent[] {
  return demoCases().flatMap((c) => c.events.map((e) => ({ file: c.file, date: e.date, date_text: e.date_text })));
}
