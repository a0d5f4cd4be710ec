import { Text } from 'ink';
import type { ReactNode } from 'react';
import { h } from '../h.ts';

export interface FooterProps {
  view: 'list' | 'detail' | 'help';
  filterLabel: string;
  search: string;
  /** True while the search prompt takes the keyboard. */
  searching: boolean;
  /** What `filterCountText` says, shown while a filter or search narrows the table. */
  countText: string;
}

/** Key hints, or the search prompt while typing one. */
export function Footer(props: FooterProps): ReactNode {
  const { view, filterLabel, search, searching, countText } = props;
  if (searching) {
    return h(
      Text,
      { wrap: 'truncate' },
      h(Text, { color: 'cyan' }, '/ '),
      search,
      h(Text, { inverse: true }, ' '),
      h(Text, { dimColor: true }, '  Enter keep · Esc clear'),
    );
  }
  if (view === 'detail') {
    return h(
      Text,
      { dimColor: true, wrap: 'truncate' },
      'Esc back  ↑↓ scroll spans  p pause  ? help  q quit',
    );
  }
  if (view === 'help') return h(Text, { dimColor: true }, '? or Esc close  q quit');
  const narrowed = filterLabel !== 'all' || search !== '';
  return h(
    Text,
    { wrap: 'truncate' },
    h(Text, { dimColor: true }, '↑↓ select  Enter open  '),
    h(Text, narrowed ? { color: 'cyan' } : { dimColor: true }, `f filter: ${filterLabel}  `),
    h(
      Text,
      search ? { color: 'cyan' } : { dimColor: true },
      search ? `/ "${search}"  ` : '/ search  ',
    ),
    h(Text, { dimColor: true }, 'p pause  ? help  q quit'),
    narrowed ? h(Text, { dimColor: true }, `  ${countText}`) : '',
  );
}
