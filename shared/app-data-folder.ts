export const APP_NAME = 'Karte';

/** What the app data folder depends on; the caller passes its process's facts and its platform's path join. */
export interface PlatformFacts {
  platform: string;
  home: string;
  env: { APPDATA?: string; XDG_CONFIG_HOME?: string };
  join: (...parts: string[]) => string;
}

/** The folder Electron calls userData for this app, so the desktop app, the CLI and the server agree on it. */
export function appDataFolder({ platform, home, env, join }: PlatformFacts): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
}
