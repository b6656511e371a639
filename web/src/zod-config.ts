import { z } from 'zod';

// The portal runs under a Content-Security-Policy without 'unsafe-eval'. Zod compiles object
// parsers with `new Function` unless told not to, and probing for it is itself a violation.
// This module is imported first, so the setting holds before any schema is built.
z.config({ jitless: true });
