// Imported first by the server: turns on export to Agent Lightning when AGL_ENABLED=true, with
// this app's name as `service.name` (OTEL_SERVICE_NAME still wins), and says so once.
import { DEFAULT_ENDPOINT } from '@agl/client';
import { readAglEnv, registerAgl } from '@agl/instrumentation';

export const SERVICE_NAME = 'post-analyzer-api';

const handles = registerAgl({ serviceName: SERVICE_NAME });
if (handles !== null) {
  const settings = readAglEnv(process.env);
  const endpoint =
    (settings.ok ? settings.config.exporter.endpoint : undefined) ?? DEFAULT_ENDPOINT;
  const service = process.env.OTEL_SERVICE_NAME?.trim() || SERVICE_NAME;
  console.log(
    `Agent Lightning export is on: every run goes to the store at ${endpoint} as a rollout (service.name ${service}).`,
  );
}
