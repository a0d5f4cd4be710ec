import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { installFlushOnExit } from './flush-on-exit.ts';

function fakeProcess() {
  const emitter = new EventEmitter() as EventEmitter & {
    pid: number;
    kill: ReturnType<typeof vi.fn>;
  };
  emitter.pid = 4242;
  emitter.kill = vi.fn();
  return emitter;
}

describe('installFlushOnExit', () => {
  it('flushes on beforeExit once', async () => {
    const target = fakeProcess();
    const flush = vi.fn(async () => {});
    installFlushOnExit(flush, 1000, target as unknown as NodeJS.Process);
    target.emit('beforeExit');
    target.emit('beforeExit');
    await new Promise((resolve) => setImmediate(resolve));
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('re-raises SIGTERM after flushing when no app handler exists', async () => {
    const target = fakeProcess();
    const order: string[] = [];
    installFlushOnExit(
      async () => void order.push('flush'),
      1000,
      target as unknown as NodeJS.Process,
    );
    target.kill.mockImplementation(() => order.push('kill'));
    target.emit('SIGTERM');
    await vi.waitFor(() => expect(order).toEqual(['flush', 'kill']));
    expect(target.kill).toHaveBeenCalledWith(4242, 'SIGTERM');
    expect(target.listenerCount('SIGTERM')).toBe(0);
  });

  it('leaves the decision to the app when it handles the signal itself', async () => {
    const target = fakeProcess();
    const flush = vi.fn(async () => {});
    installFlushOnExit(flush, 1000, target as unknown as NodeJS.Process);
    const appHandler = vi.fn();
    target.on('SIGINT', appHandler);
    target.emit('SIGINT');
    await vi.waitFor(() => expect(flush).toHaveBeenCalled());
    await new Promise((resolve) => setImmediate(resolve));
    expect(appHandler).toHaveBeenCalled();
    expect(target.kill).not.toHaveBeenCalled();
  });

  it('does not wait past the deadline for a hanging flush', async () => {
    const target = fakeProcess();
    installFlushOnExit(() => new Promise(() => {}), 20, target as unknown as NodeJS.Process);
    target.emit('SIGTERM');
    await vi.waitFor(() => expect(target.kill).toHaveBeenCalled(), { timeout: 2000 });
  });

  it('uninstalls its listeners', () => {
    const target = fakeProcess();
    const uninstall = installFlushOnExit(async () => {}, 1000, target as unknown as NodeJS.Process);
    uninstall();
    expect(
      target.listenerCount('SIGTERM') +
        target.listenerCount('SIGINT') +
        target.listenerCount('beforeExit'),
    ).toBe(0);
  });
});
