import { z } from 'zod';

export const PROVIDERS = ['machfive', 'instantly', 'sendkit', 'segmentflow'] as const;
export const Provider = z.enum(PROVIDERS);
export type Provider = z.infer<typeof Provider>;

export const PROVIDER_LABELS: Record<Provider, string> = {
  machfive: 'MachFive',
  instantly: 'Instantly',
  sendkit: 'Sendkit',
  segmentflow: 'Segmentflow',
};

/** Environment variable that overrides each provider's base URL (tests, simulators, proxies). */
export const PROVIDER_URL_ENV: Record<Provider, string> = {
  machfive: 'LEADPREP_MACHFIVE_URL',
  instantly: 'LEADPREP_INSTANTLY_URL',
  sendkit: 'LEADPREP_SENDKIT_URL',
  segmentflow: 'LEADPREP_SEGMENTFLOW_URL',
};

export const PROVIDER_DEFAULT_URL: Record<Provider, string> = {
  machfive: 'https://app.machfive.io',
  instantly: 'https://api.instantly.ai',
  sendkit: 'https://api.sendkit.ai',
  segmentflow: 'https://segmentflow.ai',
};

/** Providers with a cheap read endpoint that "Test connection" can call. */
export const TESTABLE_PROVIDERS: readonly Provider[] = ['machfive', 'instantly'];
