import { contextBridge, ipcRenderer } from 'electron';
import { channelNames } from '../../shared/channels';

// window.api: one function per contract channel, nothing else; ipcRenderer itself never reaches the page.
const api = Object.fromEntries(channelNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(`api:${name}`, input ?? {})]));

contextBridge.exposeInMainWorld('api', api);
