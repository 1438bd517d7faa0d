import { fork } from 'node:child_process';
import path from 'node:path';
import type { BackEndChild, FromBackEnd } from '../../electron/services/back-end-messages';

// The back end's process where Electron is missing: a Node child process running electron/back-end-process.ts
// through tsx, its IPC channel standing in for the utilityProcess's MessagePort (the same structured clone).

const ENTRY = path.resolve(import.meta.dirname, '../../electron/back-end-process.ts');

export function forkBackEndChild(): BackEndChild & { pid: number } {
  const child = fork(ENTRY, [], { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    pid: child.pid!,
    send: (message) => void child.send(message),
    onMessage: (listener) => child.on('message', (message) => listener(message as FromBackEnd)),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => child.kill('SIGKILL'),
  };
}
