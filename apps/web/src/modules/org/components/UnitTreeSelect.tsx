import { useEffect, useState } from 'react';
import { TreeSelect } from 'antd';
import { getUnit, listChildren, type OrgUnitSummary } from '../api.ts';

interface Node {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
}

const nodeOf = (u: OrgUnitSummary, parent: string | null): Node => ({ id: u.code, pId: parent, value: u.code, title: u.name, isLeaf: u.hasChildren === false });

/**
 * Picks one unit of the subtrees under `roots` (e.g. the viewer's scope), the
 * tree loaded one level per expand. The path down to `value` is loaded first, so
 * the chosen unit shows by name. Nodes carry `data-testid="unit-node-<code>"`.
 */
export function UnitTreeSelect({ roots, value, onChange, testId }: { roots: readonly string[]; value: string; onChange(code: string): void; testId?: string }) {
  const [nodes, setNodes] = useState<Map<string, Node>>(new Map());
  const add = (items: Node[]) => setNodes((m) => new Map([...m, ...items.map((n) => [n.id, n] as const)]));

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    void (async () => {
      const units = await Promise.all(roots.map((r) => getUnit(r, signal)));
      // A root inside another root's subtree is no root of its own.
      const top = units.filter((u) => !units.some((o) => o.code !== u.code && u.path.some((p) => p.code === o.code)));
      add(top.map((u) => nodeOf(u, null)));
      const chosen = await getUnit(value, signal);
      const from = chosen.path.findIndex((p) => top.some((t) => t.code === p.code));
      for (const parent of from < 0 ? [] : chosen.path.slice(from, -1)) add((await listChildren(parent.code, signal)).map((c) => nodeOf(c, parent.code)));
    })().catch(() => undefined);
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [roots.join(',')]);

  return (
    <TreeSelect
      data-testid={testId}
      treeDataSimpleMode
      treeData={[...nodes.values()]}
      value={nodes.has(value) ? value : undefined}
      onChange={(code: string) => onChange(code)}
      loadData={async (node) => add((await listChildren(String(node.value))).map((c) => nodeOf(c, String(node.value))))}
      treeTitleRender={(n) => <span data-testid={`unit-node-${String(n.value)}`}>{String(n.title)}</span>}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
      style={{ minWidth: 180 }}
    />
  );
}
