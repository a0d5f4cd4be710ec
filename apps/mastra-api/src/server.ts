// First: turns on export to Agent Lightning when AGL_ENABLED=true (nothing happens otherwise).
import './register-export.ts';
import { aglHandles } from '@agl/instrumentation';
import { ConfigError } from '@agl/post-analyzer';
import { aglIntegration } from './agl-integration.ts';
import { startServer } from './start-server.ts';

// A stray rejection (e.g. from a background task inside a library) is logged, not fatal.
process.on('unhandledRejection', (reason) => {
  console.error('Unhandled promise rejection:', reason);
});

try {
  const server = await startServer(aglIntegration());
  const stop = (signal: string) => {
    console.log(`${signal} received, shutting down`);
    // Runs cut short by the exit are finished in AGL (failed, with the reason) before it.
    server
      .close()
      .then(() => aglHandles()?.shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error('Shutdown failed:', error);
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exitCode = 1;
}
