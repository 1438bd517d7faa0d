import type { BrowserWindowConstructorOptions, PrintToPDFOptions, SaveDialogOptions, SaveDialogReturnValue, Session } from 'electron';
import type { Browser, Page } from 'playwright-core';
import type { PackElectron, PrintWindow } from '../../electron/main-pack';

// The parts of Electron a pack export uses, played by real Chromium through playwright-core (no Electron binary can
// be installed here): a window loads its URL in a Chromium page, runs script there and prints it with Chromium's
// print engine. What the main process asked for (window and print options, the session, the dialog) is kept for tests.

type PermissionHandler = Parameters<Session['setPermissionRequestHandler']>[0];
type CheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];
type BeforeRequest = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

export interface StandInSession {
  partition: string;
  permissionRequest: PermissionHandler | null;
  permissionCheck: CheckHandler | null;
  beforeRequest: BeforeRequest | null;
}

export interface StandInPrintWindow {
  options: BrowserWindowConstructorOptions;
  url: string | null;
  printOptions: PrintToPDFOptions[];
  closed: boolean;
}

export interface PackElectronStandIn {
  electron: PackElectron;
  windows: StandInPrintWindow[];
  sessions: StandInSession[];
  dialogs: SaveDialogOptions[];
}

/** Electron's printToPDF options as playwright's page.pdf takes them; an option it does not know fails the print. */
function pdfOptions(options: PrintToPDFOptions): Parameters<Page['pdf']>[0] {
  const known = new Set(['pageSize', 'preferCSSPageSize', 'printBackground', 'landscape']);
  const unknown = Object.keys(options).filter((key) => !known.has(key));
  if (unknown.length > 0) throw new Error(`the stand-in does not print with ${unknown.join(', ')}`);
  if (options.pageSize !== undefined && typeof options.pageSize !== 'string') throw new Error('the stand-in prints named page sizes only');
  return { format: options.pageSize, preferCSSPageSize: options.preferCSSPageSize, printBackground: options.printBackground, landscape: options.landscape };
}

/** `choose` answers the save dialog: a path to save to, or null for Cancel. */
export function packElectronStandIn(browser: Browser, choose: (options: SaveDialogOptions) => string | null): PackElectronStandIn {
  const windows: StandInPrintWindow[] = [];
  const sessions: StandInSession[] = [];
  const dialogs: SaveDialogOptions[] = [];

  class BrowserWindow implements PrintWindow {
    private page: Page | null = null;
    private readonly record: StandInPrintWindow;
    constructor(options: BrowserWindowConstructorOptions) {
      this.record = { options, url: null, printOptions: [], closed: false };
      windows.push(this.record);
    }
    private loaded(): Page {
      if (!this.page) throw new Error('nothing loaded in the window');
      return this.page;
    }
    async loadURL(url: string): Promise<void> {
      this.record.url = url;
      this.page = await browser.newPage();
      await this.page.goto(url, { waitUntil: 'load' });
    }
    readonly webContents = {
      executeJavaScript: (code: string) => this.loaded().evaluate(code),
      printToPDF: async (options: PrintToPDFOptions) => {
        this.record.printOptions.push(options);
        return this.loaded().pdf(pdfOptions(options));
      },
    } as unknown as PrintWindow['webContents'];
    close(): void {
      this.record.closed = true;
      void this.page?.close();
    }
  }

  const session = {
    fromPartition: (partition: string) => {
      const played: StandInSession = { partition, permissionRequest: null, permissionCheck: null, beforeRequest: null };
      sessions.push(played);
      return {
        setPermissionRequestHandler: (handler: PermissionHandler) => void (played.permissionRequest = handler),
        setPermissionCheckHandler: (handler: CheckHandler) => void (played.permissionCheck = handler),
        webRequest: { onBeforeRequest: (listener: BeforeRequest) => void (played.beforeRequest = listener) },
      } as unknown as Session;
    },
  };

  const showSaveDialog = (...args: unknown[]): Promise<SaveDialogReturnValue> => {
    const options = args.at(-1) as SaveDialogOptions;
    dialogs.push(options);
    const filePath = choose(options);
    return Promise.resolve(filePath === null ? { canceled: true, filePath: '' } : { canceled: false, filePath });
  };

  return { electron: { BrowserWindow, dialog: { showSaveDialog } as PackElectron['dialog'], session }, windows, sessions, dialogs };
}
