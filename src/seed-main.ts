import { demoPassword, seedDemo } from './app/seed/demo';
import { composeContext } from './composition';
import { loadConfig, publicUrl } from './config';
import { openConfiguredDatabase } from './db/open';
import { systemClock } from './domain/clock';

// `npm run seed:demo`: adds the demo world on demand (the server does it on an empty database),
// through the same composed context as the server, so its tickets get the same timers.
const config = loadConfig();
const database = await openConfiguredDatabase(config);
const ctx = composeContext({ db: database.db, clock: systemClock, config, publicUrl: publicUrl(config) });
const logins = await seedDemo(ctx);
console.log(`Demo data added. Logins (password ${demoPassword}):`);
for (const login of logins) console.log(`  ${login.email}  ${login.role}`);
await database.close();
