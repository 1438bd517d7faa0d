import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Keyring } from '../../electron/services/database-key';

// A stand-in for the 'electron' module, for running the real main process (dist/electron/main.js) where no
// Electron binary can be installed. It keeps what the main process registers (protocol and IPC handlers, windows)
// so a test can drive it as Electron would: call the IPC handler as a page, fetch a karte:// URL, close a window.

/**
 * Electron's safeStorage, played for tests: it really encrypts (AES-GCM with a secret of its own, as the OS
 * keyring keeps one) and reports the backend a test names.
 */
export function standInKeyring(backend = 'gnome_libsecret', available = true): Keyring {
  const secret = crypto.randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString(plainText) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const decipher = crypto.createDecipheriv('aes-256-gcm', secret, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

export class StandInWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = StandInWebContents.nextId++;
  readonly sent: { channel: string; message: unknown }[] = [];
  url = '';
  send(channel: string, message: unknown): void {
    this.sent.push({ channel, message });
  }
  getURL(): string {
    return this.url;
  }
  setWindowOpenHandler(): void {}
}

export interface ElectronStandIn {
  module: Record<string, unknown>;
  app: EventEmitter;
  windows: StandInWindow[];
  ipcHandlers: Map<string, (event: unknown, ...args: unknown[]) => unknown>;
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  privilegedSchemes: { scheme: string }[];
  errors: string[];
  quit: { count: number };
  ready: () => void;
  /** Whether Electron's net reports the network up; a test flips it and emits powerMonitor 'resume'. */
  network: { online: boolean };
  powerMonitor: EventEmitter;
}

export class StandInWindow extends EventEmitter {
  readonly webContents = new StandInWebContents();
  closed = false;
  constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
    super();
  }
  loadURL(url: string): Promise<void> {
    this.webContents.url = url;
    queueMicrotask(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  show(): void {}
  focus(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.emit('closed');
  }
}

/**
 * One end of Electron's MessageChannelMain. The end given to a utility process (its postMessage transfer) lives in
 * that process: what the other end posts goes to the child over its IPC channel, and what the child sends arrives
 * at the other end, structured-cloned both ways.
 */
class StandInPort extends EventEmitter {
  peer: StandInPort | null = null;
  private child: ChildProcess | null = null;
  postMessage(message: unknown): void {
    if (this.peer?.child) this.peer.child.send(message as object);
  }
  start(): void {}
  /** This end now belongs to `child`. */
  moveInto(child: ChildProcess): void {
    this.child = child;
    child.on('message', (message) => this.peer?.emit('message', { data: message, ports: [] }));
  }
}

class MessageChannelMain {
  readonly port1 = new StandInPort();
  readonly port2 = new StandInPort();
  constructor() {
    this.port1.peer = this.port2;
    this.port2.peer = this.port1;
  }
}

/** Electron's utilityProcess, played by a Node child process running the built entry, which finds no parentPort. */
const utilityProcess = {
  fork(entry: string) {
    const child = fork(entry, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const processMain = Object.assign(new EventEmitter(), {
      pid: child.pid,
      postMessage: (_message: unknown, transfer: StandInPort[] = []) => {
        for (const port of transfer) port.moveInto(child);
      },
      kill: () => child.kill('SIGKILL'),
    });
    child.on('exit', (code) => processMain.emit('exit', code));
    return processMain;
  },
};

export function electronStandIn(options: { userData: string; keyring: Keyring }): ElectronStandIn {
  const windows: StandInWindow[] = [];
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const privilegedSchemes: { scheme: string }[] = [];
  const errors: string[] = [];
  const quit = { count: 0 };
  let ready!: () => void;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getPath: (name: string) => {
      if (name !== 'userData') throw new Error(`no path '${name}' in the stand-in`);
      return options.userData;
    },
    getVersion: () => '0.0.0-test',
    requestSingleInstanceLock: () => true,
    whenReady: () => whenReady,
    quit: () => void quit.count++,
  });

  class BrowserWindow extends StandInWindow {
    constructor(windowOptions: { webPreferences?: Record<string, unknown> }) {
      super(windowOptions);
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
  }

  const network = { online: true };
  const powerMonitor = new EventEmitter();
  const module = {
    app,
    net: { isOnline: () => network.online },
    powerMonitor,
    BrowserWindow,
    dialog: { showErrorBox: (title: string, content: string) => void errors.push(`${title}: ${content}`) },
    ipcMain: { handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => void ipcHandlers.set(channel, handler) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string }[]) => void privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void protocolHandlers.set(scheme, handler),
    },
    safeStorage: options.keyring,
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: () => {},
        webRequest: { onHeadersReceived: () => {} },
      },
    },
    shell: { openExternal: () => Promise.resolve() },
    utilityProcess,
    MessageChannelMain,
  };
  return { module, app, windows, ipcHandlers, protocolHandlers, privilegedSchemes, errors, quit, ready, network, powerMonitor };
}
