import { config } from 'zod/v4/core';

// The portal runs under a Content-Security-Policy without 'unsafe-eval'. Zod compiles object
// parsers with `new Function` unless told not to, and probing for it is itself a violation.
// This module is imported first, so the setting holds before any schema is built. Only the setting
// is imported here: the rest of zod loads with the forms that use it, not with the first page.
config({ jitless: true });
