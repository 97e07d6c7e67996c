import { useMemo } from 'react';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useAsync } from '../../../shared/useAsync.ts';
import { listCategories, type CaseCategory } from '../api.ts';
import { localName } from '../labels.ts';

/** A Cascader option: a group with its leaves. */
export interface CategoryOption {
  value: string;
  label: string;
  children?: CategoryOption[];
}

/**
 * The dispatch catalogue as a two-level picker (group → leaf) in the current
 * language, and a lookup by code. Leaves without a group are listed at the top level.
 */
export function useCategories() {
  const { locale } = useI18n();
  const state = useAsync(() => listCategories(), []);
  const options = useMemo<CategoryOption[]>(() => {
    const all = state.data ?? [];
    const leaves = (parent: string) => all.filter((c) => c.parent === parent && c.handler).map((c) => ({ value: c.code, label: localName(c.name, locale) }));
    return all
      .filter((c) => c.parent === null)
      .map((g) => (g.handler ? { value: g.code, label: localName(g.name, locale) } : { value: g.code, label: localName(g.name, locale), children: leaves(g.code) }))
      .filter((o) => !('children' in o) || (o.children?.length ?? 0) > 0);
  }, [state.data, locale]);
  const byCode = useMemo(() => new Map<string, CaseCategory>((state.data ?? []).map((c) => [c.code, c])), [state.data]);
  return { ...state, options, byCode };
}

/** The picker's value (group and leaf) for a leaf code. */
export function categoryPath(byCode: ReadonlyMap<string, CaseCategory>, code: string): string[] {
  const leaf = byCode.get(code);
  return leaf?.parent ? [leaf.parent, code] : [code];
}
