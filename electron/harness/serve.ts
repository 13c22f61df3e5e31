import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './server';

// npm run start:browser [-- --db ruta/arteinpe.sqlite] [--port 5317]
// The real renderer against the real main-process services, in a local browser.
const { values } = parseArgs({
  options: { db: { type: 'string' }, port: { type: 'string', default: '5317' } },
});

const root = path.resolve(__dirname, '../..');
const dbPath = values.db ? path.resolve(values.db) : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'arteinpe-')), 'arteinpe.sqlite');
const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

startHarness({
  dbPath,
  exportDir: path.join(path.dirname(dbPath), 'exportaciones'),
  rendererDir: path.join(root, 'out/renderer'),
  port: Number(values.port),
  version,
}).then(
  (h) => {
    console.log(`ArteINPE (navegador) en ${h.url}`);
    console.log('Abra la dirección completa: incluye la clave de acceso de este inicio, que cambia cada vez.');
    console.log('Solo para probar la aplicación y para pruebas: no lo use con datos reales.');
    console.log(`Base de datos: ${dbPath}`);
    console.log(`Exportaciones: ${h.exportDir}`);
    console.log('Ctrl+C para terminar.');
    const stop = () => void h.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
