import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs` unless `frozen` (e.g. while paused). */
export function useClock(clock: () => number, intervalMs: number, frozen: boolean): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    if (frozen) return;
    setNow(clock());
    const timer = setInterval(() => setNow(clock()), intervalMs);
    return () => clearInterval(timer);
  }, [clock, intervalMs, frozen]);
  return now;
}
