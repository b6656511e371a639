/**
 * A promise nobody awaited that fails (say, a lost database connection under a background
 * callback) must not end a process that is otherwise fine: it is logged, and the process goes on.
 */
export function keepRunningOnStrayRejections(log: (message: string, reason: unknown) => void) {
  process.on('unhandledRejection', (reason) => log('unhandled rejection (kept running)', reason));
}
