/**
 * Lets the event loop run (IPC, timers, progress events) between chunks of synchronous work, so no
 * long job holds the main process for more than one chunk.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
