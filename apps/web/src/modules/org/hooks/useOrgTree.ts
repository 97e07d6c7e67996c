import { useCallback, useEffect, useRef, useState } from 'react';
import { getUnit, listChildren, type OrgUnit, type OrgUnitSummary } from '../api.ts';

/** What the directory tree knows so far: the tree is loaded lazily, one level per expand. */
export interface OrgTreeState {
  /** Every unit seen so far, by code. */
  units: ReadonlyMap<string, OrgUnitSummary>;
  /** Child codes of the units whose children are loaded. */
  children: ReadonlyMap<string, readonly string[]>;
  expanded: readonly string[];
  rootCode: string;
}

export interface OrgTree extends OrgTreeState {
  /** Loads the children of a unit once (concurrent calls share one request). */
  loadChildren(code: string): Promise<void>;
  setExpanded(codes: readonly string[]): void;
  /**
   * Loads and expands the path from the root down to a unit so it is visible,
   * and returns the unit. With `expandSelf`, the unit's own children show too.
   */
  reveal(code: string, options?: { expandSelf?: boolean }): Promise<OrgUnit>;
  /** The first load of the root failed with this error. */
  error: unknown;
}

/**
 * State and loading for the lazily loaded org tree under `rootCode`.
 *
 * @example
 * const tree = useOrgTree('110000');
 * await tree.reveal('110105001'); // 北京市 ▸ 朝阳区 ▸ 建外街道 now visible
 */
export function useOrgTree(rootCode: string): OrgTree {
  const [state, setState] = useState<OrgTreeState>(() => ({ units: new Map(), children: new Map(), expanded: [], rootCode }));
  const [error, setError] = useState<unknown>(null);
  // In-flight child loads, so a click and a reveal of the same unit share one request.
  const inflight = useRef(new Map<string, Promise<void>>());
  const loaded = useRef(new Set<string>());

  const addUnits = useCallback((parent: string | null, items: OrgUnitSummary[]) => {
    setState((s) => {
      const units = new Map(s.units);
      for (const item of items) units.set(item.code, { ...units.get(item.code), ...item });
      const children = parent === null ? s.children : new Map(s.children).set(parent, treeOrder(items).map((i) => i.code));
      return { ...s, units, children };
    });
  }, []);

  const loadChildren = useCallback(
    (code: string): Promise<void> => {
      if (loaded.current.has(code)) return Promise.resolve();
      const running = inflight.current.get(code);
      if (running) return running;
      const p = listChildren(code)
        .then((items) => {
          loaded.current.add(code);
          addUnits(code, items);
        })
        .finally(() => inflight.current.delete(code));
      inflight.current.set(code, p);
      return p;
    },
    [addUnits],
  );

  useEffect(() => {
    setState({ units: new Map(), children: new Map(), expanded: [rootCode], rootCode });
    loaded.current.clear();
    setError(null);
    getUnit(rootCode)
      .then((root) => {
        addUnits(null, [{ code: root.code, name: root.name, level: root.level, parentCode: root.parentCode, hasChildren: true }]);
        return loadChildren(rootCode);
      })
      .catch(setError);
  }, [rootCode, addUnits, loadChildren]);

  const setExpanded = useCallback((codes: readonly string[]) => setState((s) => ({ ...s, expanded: [...codes] })), []);

  const reveal = useCallback(
    async (code: string, options: { expandSelf?: boolean } = {}) => {
      const unit = await getUnit(code);
      const chain = unit.path.map((p) => p.code);
      const rootAt = chain.indexOf(rootCode);
      // Only the part of the path inside this tree; a unit elsewhere is shown but not revealed.
      const ancestors = rootAt < 0 ? [] : chain.slice(rootAt, -1);
      for (const a of ancestors) await loadChildren(a);
      const opened = [...ancestors];
      if (options.expandSelf && unit.hasChildren !== false) {
        await loadChildren(code);
        opened.push(code);
      }
      addUnits(null, [unit]);
      setState((s) => ({ ...s, expanded: [...new Set([...s.expanded, ...opened])] }));
      return unit;
    },
    [rootCode, loadChildren, addUnits],
  );

  return { ...state, error, loadChildren, setExpanded, reveal };
}

/**
 * Territorial units first, then agencies (委办局): people browse a city by
 * district and street; the server's order is kept within each group.
 */
function treeOrder(items: OrgUnitSummary[]): OrgUnitSummary[] {
  return [...items.filter((i) => i.level !== 'agency'), ...items.filter((i) => i.level === 'agency')];
}
