import type { RolloutSummary } from '@agl/snapshot';
import {
  filterRollouts,
  nextFilterIndex,
  STATUS_FILTERS,
  type StatusFilter,
} from './rollout-filter.ts';

/** What the user has chosen on screen; everything else comes from the feed. */
export interface UiState {
  view: { kind: 'list' } | { kind: 'detail'; rolloutId: string; scroll: number };
  help: boolean;
  filterIndex: number;
  search: string;
  /** True while the search prompt takes the keyboard. */
  searching: boolean;
  /** The selected rollout, and its row to fall back to when it leaves the list. */
  selection: { id: string | null; index: number };
  paused: boolean;
  quit: boolean;
}

/** The keys this app reacts to, as Ink reports them. */
export interface KeyFlags {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

export interface KeyPress {
  input: string;
  key: KeyFlags;
}

/** What the screen showed when the key was pressed. */
export interface KeyContext {
  /** Every rollout in the list, before filter and search. */
  rollouts: readonly RolloutSummary[];
  /** Rows that one page up or down moves. */
  pageSize: number;
  /** Largest useful scroll of the detail view's span rows. */
  detailMaxScroll: number;
}

export const INITIAL_UI_STATE: UiState = {
  view: { kind: 'list' },
  help: false,
  filterIndex: 0,
  search: '',
  searching: false,
  selection: { id: null, index: 0 },
  paused: false,
  quit: false,
};

export function currentFilter(state: UiState): StatusFilter {
  return STATUS_FILTERS[state.filterIndex] ?? { label: 'all', statuses: null };
}

/** The rows the list shows under the state's filter and search. */
export function visibleRollouts(
  state: UiState,
  rollouts: readonly RolloutSummary[],
): RolloutSummary[] {
  return filterRollouts(rollouts, currentFilter(state), state.search);
}

/** The selected row: the selected rollout if still listed, else the row it was on (clamped). */
export function selectedIndex(state: UiState, rows: readonly RolloutSummary[]): number {
  const found = rows.findIndex((rollout) => rollout.rolloutId === state.selection.id);
  if (found >= 0) return found;
  return Math.min(state.selection.index, Math.max(0, rows.length - 1));
}

/**
 * Splits text that arrived in one chunk (typed fast, or pasted) into single key presses, so that
 * `ff` cycles the filter twice. Special keys and control combinations stay whole.
 */
export function splitPresses(input: string, key: KeyFlags): KeyPress[] {
  const chars = Array.from(input);
  if (chars.length <= 1 || key.ctrl || key.meta) return [{ input, key }];
  return chars.map((char) => ({ input: char, key: char === '\r' ? { return: true } : {} }));
}

function isBack(press: KeyPress): boolean {
  const { input, key } = press;
  return Boolean(key.escape || key.leftArrow || key.backspace || key.delete || input === 'h');
}

function select(state: UiState, rows: readonly RolloutSummary[], index: number): UiState {
  if (rows.length === 0) return state;
  const clamped = Math.max(0, Math.min(rows.length - 1, index));
  return { ...state, selection: { id: rows[clamped]?.rolloutId ?? null, index: clamped } };
}

function isPrintable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0x20 && code !== 0x7f;
}

function typeSearch(state: UiState, press: KeyPress): UiState {
  const { input, key } = press;
  if (key.return) return { ...state, searching: false };
  if (key.escape) return { ...state, search: '', searching: false };
  if (key.backspace || key.delete) {
    return { ...state, search: Array.from(state.search).slice(0, -1).join('') };
  }
  const text = Array.from(input).filter(isPrintable).join('');
  if (text === '' || key.ctrl || key.meta || key.upArrow || key.downArrow) return state;
  return { ...state, search: state.search + text };
}

/** The state after one key press. Pure: side effects (pausing the feed, exiting) follow from it. */
export function reduceKey(state: UiState, press: KeyPress, context: KeyContext): UiState {
  const { input, key } = press;
  if (state.searching) return typeSearch(state, press);
  if (input === 'q') return { ...state, quit: true };
  if (state.help) return input === '?' || key.escape ? { ...state, help: false } : state;
  if (input === '?') return { ...state, help: true };
  if (input === 'p') return { ...state, paused: !state.paused };

  const { view } = state;
  if (view.kind === 'detail') {
    if (isBack(press)) return { ...state, view: { kind: 'list' } };
    let scroll = view.scroll;
    if (key.upArrow || input === 'k') scroll -= 1;
    else if (key.downArrow || input === 'j') scroll += 1;
    else if (key.pageUp) scroll -= context.pageSize;
    else if (key.pageDown) scroll += context.pageSize;
    else if (key.home || input === 'g') scroll = 0;
    else if (key.end || input === 'G') scroll = context.detailMaxScroll;
    else return state;
    scroll = Math.max(0, Math.min(context.detailMaxScroll, scroll));
    return { ...state, view: { ...view, scroll } };
  }

  const rows = visibleRollouts(state, context.rollouts);
  const index = selectedIndex(state, rows);
  if (key.upArrow || input === 'k') return select(state, rows, index - 1);
  if (key.downArrow || input === 'j') return select(state, rows, index + 1);
  if (key.pageUp) return select(state, rows, index - context.pageSize);
  if (key.pageDown) return select(state, rows, index + context.pageSize);
  if (key.home || input === 'g') return select(state, rows, 0);
  if (key.end || input === 'G') return select(state, rows, rows.length - 1);
  if (key.return) {
    const rollout = rows[index];
    if (!rollout) return state;
    return {
      ...state,
      selection: { id: rollout.rolloutId, index },
      view: { kind: 'detail', rolloutId: rollout.rolloutId, scroll: 0 },
    };
  }
  if (input === 'f') return { ...state, filterIndex: nextFilterIndex(state.filterIndex) };
  if (input === '/') return { ...state, searching: true };
  if (key.escape && state.search) return { ...state, search: '' };
  return state;
}
