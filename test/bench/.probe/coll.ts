import { startSyncServer } from '/work/main/test/support/sync-server';
const s = await startSyncServer();
console.log((await s.db.query("SELECT datcollate, datctype, datlocprovider FROM pg_database WHERE datname = current_database()")).rows);
console.log((await s.db.query("SHOW synchronous_commit")).rows, (await s.db.query("SHOW shared_buffers")).rows, (await s.db.query("SHOW wal_level")).rows, (await s.db.query("SHOW fsync")).rows);
await s.stop();
