import { lazy, type ComponentType } from 'react';

/**
 * `React.lazy` for a named export: heavy pages (maps, charts) are exported
 * from their module's index this way, so importing the module costs nothing
 * until the page is shown.
 *
 * @example
 * export const RatesPage = lazyNamed(() => import('./pages/RatesPage.tsx'), 'RatesPage');
 */
export function lazyNamed<M extends Record<string, unknown>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<any> })) as unknown as M[K];
}
