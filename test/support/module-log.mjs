// `node --import ./test/support/module-log.mjs …`: appends the URL of every module the program
// loads through the ES module loader (its own files, and each package's entry) to MODULE_LOG.
import { register } from 'node:module';

register('./module-log-hooks.mjs', import.meta.url, { data: { file: process.env.MODULE_LOG } });
