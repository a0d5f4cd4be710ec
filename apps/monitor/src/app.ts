import { Box, useApp, useInput, useStdin, useWindowSize } from 'ink';
import { type ReactNode, useEffect, useMemo, useReducer } from 'react';
import type { MonitorFeed } from './feed.ts';
import { filterCountText } from './filter-count.ts';
import { h } from './h.ts';
import { flattenTree } from './span-facts.ts';
import {
  currentFilter,
  INITIAL_UI_STATE,
  type KeyContext,
  type KeyPress,
  reduceKey,
  selectedIndex,
  splitPresses,
  type UiState,
  visibleRollouts,
} from './ui-state.ts';
import { useClock } from './use-clock.ts';
import { useFeedState } from './use-feed-state.ts';
import { useRolloutDetail } from './use-rollout-detail.ts';
import { bannerHeight, OutageBanner } from './views/banner.ts';
import { Footer } from './views/footer.ts';
import { HEADER_HEIGHT, Header } from './views/header.ts';
import { HelpView } from './views/help.ts';
import { detailChromeHeight, RolloutDetailView } from './views/rollout-detail.ts';
import { RolloutTable } from './views/rollout-table.ts';

export interface AppProps {
  feed: MonitorFeed;
  /** Terminal size; read from the output stream when omitted. */
  size?: { columns: number; rows: number };
  /** Time source, for durations and ages. */
  clock?: () => number;
  /** At most one render per this many ms however fast the feed changes. Default 200. */
  renderThrottleMs?: number;
  /** How often running durations tick. Default 1000. */
  tickMs?: number;
}

interface KeyAction {
  presses: KeyPress[];
  context: KeyContext;
}

function reducer(state: UiState, action: KeyAction): UiState {
  return action.presses.reduce((next, press) => reduceKey(next, press, action.context), state);
}

/** The monitor: header, outage banner, rollout table or detail, help, and key handling. */
export function App(props: AppProps): ReactNode {
  const { feed, clock = Date.now, renderThrottleMs = 200, tickMs = 1_000 } = props;
  const { exit } = useApp();
  // Without a terminal on stdin there are no keys to read; Ctrl+C still ends the process.
  const { isRawModeSupported } = useStdin();
  const measured = useWindowSize();
  const columns = props.size?.columns ?? measured.columns;
  const rows = props.size?.rows ?? measured.rows;

  const [ui, dispatch] = useReducer(reducer, INITIAL_UI_STATE);
  const fed = useFeedState(feed, renderThrottleMs);
  // The pause shows at once; the feed follows in an effect below.
  const state = fed.paused === ui.paused ? fed : { ...fed, paused: ui.paused };
  const now = useClock(clock, tickMs, ui.paused);

  const all = state.snapshot?.recent ?? [];
  const shown = useMemo(() => visibleRollouts(ui, all), [ui, all]);
  const selected = shown[selectedIndex(ui, shown)];

  const detailId = ui.view.kind === 'detail' ? ui.view.rolloutId : null;
  const detail = useRolloutDetail(feed, detailId, state.snapshot, ui.paused);

  // Width is one less than the terminal so the cursor never wraps onto a new line.
  const width = Math.max(20, columns - 1);
  const bannerRows = state.outage ? bannerHeight(state.outage, width) : 0;
  // Rows left for table rows after the margin, column titles and footer, keeping one spare row:
  // output as tall as the terminal makes Ink redraw the whole screen (flicker).
  const bodyHeight = Math.max(3, rows - HEADER_HEIGHT - bannerRows - 4);
  const spanRows = detail.detail ? flattenTree(detail.detail.tree).length : 0;
  const spanViewport = bodyHeight + 1 - detailChromeHeight(detail.detail, detail.error);

  useEffect(() => {
    if (feed.getState().paused !== ui.paused) feed.setPaused(ui.paused);
  }, [feed, ui.paused]);

  useEffect(() => {
    if (ui.quit) exit();
  }, [ui.quit, exit]);

  useInput(
    (input, key) => {
      dispatch({
        presses: splitPresses(input, key),
        context: {
          rollouts: all,
          pageSize: Math.max(1, bodyHeight - 1),
          detailMaxScroll: Math.max(0, spanRows - Math.max(1, spanViewport)),
        },
      });
    },
    { isActive: isRawModeSupported },
  );

  let body: ReactNode;
  if (ui.help) body = h(HelpView, { width });
  else if (ui.view.kind === 'detail') {
    body = h(RolloutDetailView, {
      rolloutId: ui.view.rolloutId,
      detail: detail.detail,
      error: detail.error,
      scroll: ui.view.scroll,
      width,
      height: bodyHeight + 1,
      now,
    });
  } else {
    let emptyText = 'No rollouts yet. Waiting for the first one…';
    if (!state.snapshot) {
      emptyText = state.outage ? 'No data: the store is unreachable.' : 'Connecting…';
    } else if (all.length > 0) emptyText = 'No rollouts match the filter or search.';
    body = h(RolloutTable, {
      rollouts: shown,
      selectedId: selected?.rolloutId ?? null,
      height: bodyHeight,
      width,
      now,
      emptyText,
    });
  }

  return h(
    Box,
    { flexDirection: 'column', width },
    h(Header, { state, width }),
    state.outage
      ? h(OutageBanner, {
          outage: state.outage,
          dataTakenAt: state.snapshot?.takenAt ?? null,
          now,
          width,
        })
      : null,
    h(Box, { marginTop: 1, flexDirection: 'column', height: bodyHeight + 1 }, body),
    h(Footer, {
      view: ui.help ? 'help' : ui.view.kind,
      filterLabel: currentFilter(ui).label,
      search: ui.search,
      searching: ui.searching,
      countText: filterCountText({
        shown: shown.length,
        loaded: all.length,
        filter: currentFilter(ui),
        search: ui.search,
        snapshot: state.snapshot,
      }),
    }),
  );
}
