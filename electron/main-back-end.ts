import { MessageChannelMain, utilityProcess } from 'electron';
import type { BackEndChild, FromBackEnd } from './services/back-end-messages';

// The back end's process in the desktop app: an Electron utilityProcess (a Node process of Chromium's own making),
// with a MessagePort between it and the main process. The window's calls reach it through the main process, which
// checks who sent them; SQLite, imports, syncs and packs never run on the main process's thread or the window's.

/** Starts electron/back-end-process.ts (built to `entry`) and hands it its end of the port. */
export function forkBackEnd(entry: string): BackEndChild {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Karte back end', stdio: 'inherit' });
  const { port1, port2 } = new MessageChannelMain();
  child.postMessage(null, [port1]);
  port2.start();
  return {
    send: (message) => port2.postMessage(message),
    onMessage: (listener) => port2.on('message', (event) => listener(event.data as FromBackEnd)),
    onExit: (listener) => void child.once('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
}
