import { Grid } from 'antd';

/** Screen size in the terms layouts care about: `wide` from antd's `md` breakpoint (768 px) up. */
export function useScreen(): { wide: boolean } {
  const screens = Grid.useBreakpoint();
  return { wide: !!screens.md };
}
