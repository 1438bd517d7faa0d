import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Karte';

/** The folder Electron calls userData for this app, so the CLI and the desktop app open the same store. */
export function appDataFolder(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

export function defaultDatabaseFile(): string {
  return path.join(appDataFolder(), 'karte.sqlite');
}
