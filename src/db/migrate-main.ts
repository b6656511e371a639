import { loadConfig } from './../config';
import { openConfiguredDatabase } from './open';

// `npm run db:migrate`: the same migration path the server runs at start.
const config = loadConfig();
const database = await openConfiguredDatabase(config);
console.log(`Migrations applied (${database.engine}).`);
await database.close();
