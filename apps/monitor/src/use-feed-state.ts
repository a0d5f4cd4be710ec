import { useEffect, useState } from 'react';
import type { MonitorFeed, MonitorState } from './feed.ts';

/**
 * The feed's current state, re-rendering at most once per `throttleMs` however fast the feed
 * changes; the last change in a burst is always rendered.
 */
export function useFeedState(feed: MonitorFeed, throttleMs: number): MonitorState {
  const [state, setState] = useState(() => feed.getState());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastRender = 0;
    const flush = () => {
      timer = undefined;
      lastRender = Date.now();
      setState(feed.getState());
    };
    const unsubscribe = feed.subscribe(() => {
      if (timer !== undefined) return;
      timer = setTimeout(flush, Math.max(0, lastRender + throttleMs - Date.now()));
    });
    setState(feed.getState());
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [feed, throttleMs]);
  return state;
}
