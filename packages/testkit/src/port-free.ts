import { createServer } from 'node:net';

/**
 * Null when `port` can be bound on `host`, else why not (e.g. `EADDRINUSE`). A store started on
 * a taken port fails, while the health check may reach the other process and look healthy.
 */
export function portProblem(port: number, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => resolve(null));
    });
  });
}
