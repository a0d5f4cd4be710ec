import { describe, expect, it } from 'vitest';
import { sampleRollouts } from '../test/fixtures.ts';
import {
  INITIAL_UI_STATE,
  type KeyContext,
  type KeyFlags,
  reduceKey,
  selectedIndex,
  splitPresses,
  type UiState,
  visibleRollouts,
} from './ui-state.ts';

const context: KeyContext = { rollouts: sampleRollouts(), pageSize: 10, detailMaxScroll: 3 };

function press(state: UiState, ...keys: Array<string | KeyFlags>): UiState {
  return keys.reduce<UiState>(
    (next, key) =>
      reduceKey(
        next,
        typeof key === 'string' ? { input: key, key: {} } : { input: '', key },
        context,
      ),
    state,
  );
}

function selectedId(state: UiState): string | undefined {
  const rows = visibleRollouts(state, context.rollouts);
  return rows[selectedIndex(state, rows)]?.rolloutId;
}

describe('reduceKey in the list', () => {
  it('moves the selection and stops at both ends', () => {
    expect(selectedId(INITIAL_UI_STATE)).toBe('ro-00000000run1');
    expect(selectedId(press(INITIAL_UI_STATE, { downArrow: true }))).toBe('ro-00000000ok01');
    expect(selectedId(press(INITIAL_UI_STATE, 'j', 'j', 'j', 'j'))).toBe('ro-0000000fail1');
    expect(selectedId(press(INITIAL_UI_STATE, { upArrow: true }))).toBe('ro-00000000run1');
    expect(selectedId(press(INITIAL_UI_STATE, { end: true }))).toBe('ro-0000000fail1');
    expect(selectedId(press(INITIAL_UI_STATE, 'G', 'g'))).toBe('ro-00000000run1');
    expect(selectedId(press(INITIAL_UI_STATE, { pageDown: true }))).toBe('ro-0000000fail1');
  });

  it('opens the selected rollout with Enter', () => {
    const state = press(INITIAL_UI_STATE, 'j', { return: true });
    expect(state.view).toEqual({ kind: 'detail', rolloutId: 'ro-00000000ok01', scroll: 0 });
  });

  it('does nothing on Enter when no rollout is listed', () => {
    const empty = { ...context, rollouts: [] };
    expect(reduceKey(INITIAL_UI_STATE, { input: '', key: { return: true } }, empty)).toBe(
      INITIAL_UI_STATE,
    );
  });

  it('cycles the filter, and keeps the selection on the row when the rollout is filtered out', () => {
    const onOk = press(INITIAL_UI_STATE, 'j');
    const failedOnly = press(onOk, 'f', 'f', 'f', 'f');
    expect(visibleRollouts(failedOnly, context.rollouts).map((r) => r.rolloutId)).toEqual([
      'ro-0000000fail1',
    ]);
    expect(selectedId(failedOnly)).toBe('ro-0000000fail1');
    expect(press(failedOnly, 'f', 'f').filterIndex).toBe(0);
  });

  it('types a search, edits it, keeps it with Enter and clears it with Esc', () => {
    let state = press(INITIAL_UI_STATE, '/', 'p', 'l', 'a', 'x', { backspace: true }, 'n');
    expect(state).toMatchObject({ searching: true, search: 'plan', paused: false });
    state = press(state, { return: true });
    expect(state).toMatchObject({ searching: false, search: 'plan' });
    expect(visibleRollouts(state, context.rollouts).map((r) => r.rolloutId)).toEqual([
      'ro-00000000run1',
    ]);
    state = press(state, { escape: true });
    expect(state.search).toBe('');
    expect(press(INITIAL_UI_STATE, '/', 'a', { escape: true })).toMatchObject({
      search: '',
      searching: false,
    });
  });

  it('ignores control characters and arrows while searching', () => {
    const state = press(INITIAL_UI_STATE, '/', '\t', { downArrow: true }, 'x');
    expect(state.search).toBe('x');
  });

  it('toggles pause, help and quit', () => {
    expect(press(INITIAL_UI_STATE, 'p').paused).toBe(true);
    expect(press(INITIAL_UI_STATE, 'p', 'p').paused).toBe(false);
    const help = press(INITIAL_UI_STATE, '?');
    expect(help.help).toBe(true);
    // Keys other than ?, Esc and q do nothing while the help is open.
    expect(press(help, 'j', 'f')).toEqual(help);
    expect(press(help, '?').help).toBe(false);
    expect(press(help, { escape: true }).help).toBe(false);
    expect(press(help, 'q').quit).toBe(true);
    expect(press(INITIAL_UI_STATE, 'q').quit).toBe(true);
  });
});

describe('reduceKey in the detail view', () => {
  const detail = press(INITIAL_UI_STATE, { return: true });

  it('scrolls the span rows within bounds', () => {
    expect(press(detail, 'j', 'j').view).toMatchObject({ scroll: 2 });
    expect(press(detail, 'j', 'j', 'j', 'j', 'j').view).toMatchObject({ scroll: 3 });
    expect(press(detail, { upArrow: true }).view).toMatchObject({ scroll: 0 });
    expect(press(detail, { pageDown: true }).view).toMatchObject({ scroll: 3 });
    expect(press(detail, 'G', 'g').view).toMatchObject({ scroll: 0 });
  });

  it.each([{ escape: true }, { leftArrow: true }, { backspace: true }, { delete: true }])(
    'goes back to the list with %j',
    (key) => {
      expect(press(detail, key).view).toEqual({ kind: 'list' });
    },
  );

  it('ignores list keys', () => {
    expect(press(detail, 'f', '/')).toEqual(detail);
  });
});

describe('splitPresses', () => {
  it('splits text that arrived at once into single presses', () => {
    expect(splitPresses('ff', {})).toEqual([
      { input: 'f', key: {} },
      { input: 'f', key: {} },
    ]);
    expect(splitPresses('/b\r', {}).map((p) => p.key)).toEqual([{}, {}, { return: true }]);
  });

  it('leaves single keys and control combinations alone', () => {
    expect(splitPresses('q', {})).toEqual([{ input: 'q', key: {} }]);
    expect(splitPresses('', { downArrow: true })).toEqual([
      { input: '', key: { downArrow: true } },
    ]);
    expect(splitPresses('ab', { ctrl: true })).toEqual([{ input: 'ab', key: { ctrl: true } }]);
  });
});
