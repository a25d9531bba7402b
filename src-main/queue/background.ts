import { createQueueRunner, type QueueHost, type QueueRunner, type QueueRunnerOptions } from './runner';

/** For long-lived hosts (Electron main, web host): run the queue until the app context closes. */
export function startBackgroundQueue(
  host: QueueHost & { onClose(fn: () => void | Promise<void>): void },
  opts: QueueRunnerOptions = {},
): QueueRunner {
  const runner = createQueueRunner(host, opts);
  runner.start();
  host.onClose(() => runner.stop());
  return runner;
}
