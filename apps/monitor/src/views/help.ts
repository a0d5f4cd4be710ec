import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { fit } from '../format.ts';
import { h } from '../h.ts';

/** The key table, also printed by `--help` and in the README. */
export const KEY_BINDINGS: ReadonlyArray<readonly [keys: string, action: string]> = [
  ['↑ / ↓  (k / j)', 'select a rollout; scroll the span tree in the detail view'],
  ['Enter', 'open the selected rollout: attempts and span tree'],
  ['Esc / ← / Backspace', 'back to the list (also clears an active search)'],
  ['f', 'cycle the status filter: all, running, queued, succeeded, failed, cancelled'],
  ['/', 'search by rollout id or agent (Enter keeps it, Esc clears it)'],
  ['p', 'pause or resume polling'],
  ['?', 'show or hide this help'],
  ['q / Ctrl+C', 'quit'],
];

/** The help screen. */
export function HelpView({ width }: { width: number }): ReactNode {
  const keyWidth = Math.max(...KEY_BINDINGS.map(([keys]) => keys.length)) + 2;
  return h(
    Box,
    { flexDirection: 'column', width, borderStyle: 'round', paddingX: 1 },
    h(Text, { bold: true }, 'Keys'),
    ...KEY_BINDINGS.map(([keys, action]) =>
      h(
        Text,
        { key: keys, wrap: 'truncate' },
        h(Text, { color: 'cyan' }, fit(keys, keyWidth)),
        action,
      ),
    ),
    h(Text, { dimColor: true }, 'Press ? or Esc to close.'),
  );
}
