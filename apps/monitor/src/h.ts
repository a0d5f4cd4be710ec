import { createElement } from 'react';

/** `createElement` under a short name, so views read like markup without a JSX build step. */
export const h = createElement;
