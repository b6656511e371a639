import { demoPassword, seedDemo } from '../app/seed/demo';
import { loadConfig, publicUrl } from '../config';
import { systemClock } from '../domain/clock';
import { openConfiguredDatabase } from './open';

// `npm run seed:demo`: adds the demo world on demand (the server does it on an empty database).
const config = loadConfig();
const database = await openConfiguredDatabase(config);
const logins = await seedDemo({ db: database.db, clock: systemClock, config, publicUrl: publicUrl(config) });
console.log(`Demo data added. Logins (password ${demoPassword}):`);
for (const login of logins) console.log(`  ${login.email}  ${login.role}`);
await database.close();
