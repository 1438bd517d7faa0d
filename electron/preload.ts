import { contextBridge, ipcRenderer } from 'electron';
import { exposeBridge } from './preload-bridge';

// Runs sandboxed before every Karte page; built as CommonJS into dist/electron/preload.cjs, as sandboxed preloads must be.
exposeBridge(contextBridge, ipcRenderer);
