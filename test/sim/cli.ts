// `npm run sim`: all four simulators on fixed loopback ports, for Playwright and manual runs.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { MACHFIVE_CAMPAIGN_IDS, MACHFIVE_DEFAULT_KEY, startMachFiveSim } from './machfive';
import { INSTANTLY_DEFAULT_KEY, INSTANTLY_IDS, startInstantlySim } from './instantly';
import { SENDKIT_DEFAULT_KEY, SENDKIT_IDS, startSendkitSim } from './sendkit';
import { SEGMENTFLOW_DEFAULT_KEY, SEGMENTFLOW_IDS, startSegmentflowSim } from './segmentflow';

const { values } = parseArgs({
  options: {
    'machfive-port': { type: 'string', default: '4801' },
    'instantly-port': { type: 'string', default: '4802' },
    'sendkit-port': { type: 'string', default: '4803' },
    'segmentflow-port': { type: 'string', default: '4804' },
    'processing-ms': { type: 'string', default: '1500' },
    'latency-ms': { type: 'string', default: '0' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(
    'Usage: npm run sim -- [--machfive-port 4801] [--instantly-port 4802] [--sendkit-port 4803] ' +
      '[--segmentflow-port 4804] [--processing-ms 1500] [--latency-ms 0]\n' +
      'Admin per sim: POST/GET/DELETE /__sim/faults, GET /__sim/state, GET|DELETE /__sim/requests, ' +
      'POST /__sim/reset, POST /__sim/config. See test/sim/README.md.',
  );
  process.exit(0);
}

const int = z.coerce.number().int().nonnegative();
const ports = {
  machfive: int.parse(values['machfive-port']),
  instantly: int.parse(values['instantly-port']),
  sendkit: int.parse(values['sendkit-port']),
  segmentflow: int.parse(values['segmentflow-port']),
};
const latencyMs = int.parse(values['latency-ms']);

// A main() rather than top-level await: tsx runs this file as CommonJS unless package.json says "module".
async function main(): Promise<void> {
  const machfive = await startMachFiveSim({
    port: ports.machfive,
    latencyMs,
    processingMs: int.parse(values['processing-ms']),
  });
  const instantly = await startInstantlySim({ port: ports.instantly, latencyMs });
  const sendkit = await startSendkitSim({ port: ports.sendkit, latencyMs });
  const segmentflow = await startSegmentflowSim({ port: ports.segmentflow, latencyMs });
  const sims = [machfive, instantly, sendkit, segmentflow];

  console.log(
    [
      '# LeadPrep provider simulators (Ctrl+C to stop)',
      `LEADPREP_MACHFIVE_URL=${machfive.url}`,
      `LEADPREP_INSTANTLY_URL=${instantly.url}`,
      `LEADPREP_SENDKIT_URL=${sendkit.url}`,
      `LEADPREP_SEGMENTFLOW_URL=${segmentflow.url}`,
      '',
      '# Accepted test API keys and ids',
      `MachFive:    ${MACHFIVE_DEFAULT_KEY}  campaigns ${MACHFIVE_CAMPAIGN_IDS.founders}, ${MACHFIVE_CAMPAIGN_IDS.agencies} (403: ${MACHFIVE_CAMPAIGN_IDS.foreign})`,
      `Instantly:   ${INSTANTLY_DEFAULT_KEY}  campaign ${INSTANTLY_IDS.campaign}, list ${INSTANTLY_IDS.list}`,
      `Sendkit:     ${SENDKIT_DEFAULT_KEY}  campaign ${SENDKIT_IDS.activeCampaign}`,
      `Segmentflow: ${SEGMENTFLOW_DEFAULT_KEY}  template ${SEGMENTFLOW_IDS.template}`,
      'Admin (no auth): POST/GET/DELETE <url>/__sim/faults, GET <url>/__sim/state, POST <url>/__sim/reset',
    ].join('\n'),
  );

  let closing = false;
  async function shutdown(): Promise<void> {
    if (closing) return;
    closing = true;
    await Promise.all(sims.map((s) => s.close()));
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
