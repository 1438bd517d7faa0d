import type { FromBackEnd, MessageLink, ToBackEnd } from './services/back-end-messages';
import { serveBackEnd } from './services/back-end-serving';

// The back end's own process: in the desktop app an Electron utilityProcess, given a MessagePort by the main
// process; where tests stand in for Electron, a Node child process talking over its IPC channel. Either way it serves
// the back end (back-end-serving.ts) until the host closes it. Nothing here imports 'electron': a utility process
// finds its port on process.parentPort.

/** The parts of Electron's MessagePortMain and parentPort used here. */
interface PortMain {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown; ports: PortMain[] }) => void): void;
  start(): void;
}

const parentPort = (process as NodeJS.Process & { parentPort?: PortMain }).parentPort;

if (parentPort) {
  parentPort.on('message', ({ ports: [port] }) => {
    if (!port) return;
    const link: MessageLink<FromBackEnd, ToBackEnd> = {
      send: (message) => port.postMessage(message),
      onMessage: (listener) => port.on('message', ({ data }) => listener(data as ToBackEnd)),
    };
    port.start();
    serveBackEnd(link, () => process.exit(0));
  });
} else if (process.send) {
  const send = process.send.bind(process);
  serveBackEnd({ send: (message) => void send(message), onMessage: (listener) => process.on('message', (message) => listener(message as ToBackEnd)) }, () => process.disconnect());
} else {
  throw new Error('back-end-process.ts runs as a child of the app (an Electron utility process or a Node child process with IPC)');
}
