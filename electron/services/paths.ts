import os from 'node:os';
import path from 'node:path';
import { appDataFolder } from '../../shared/app-data-folder';

/** This process's app data folder (see shared/app-data-folder.ts). */
export function localAppDataFolder(): string {
  return appDataFolder({ platform: process.platform, home: os.homedir(), env: process.env, join: path.join });
}

export function defaultDatabaseFile(): string {
  return path.join(localAppDataFolder(), 'karte.sqlite');
}
