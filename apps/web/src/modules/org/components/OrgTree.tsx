import { useEffect, useMemo, useRef } from 'react';
import { Tag, Tree, type TreeDataNode } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert.tsx';
import { PageLoading } from '../../../shared/ui/PageLoading.tsx';
import { useScreen } from '../../../shared/ui/useScreen.ts';
import { LEVEL_KEYS } from '../levels.ts';
import type { OrgTree as OrgTreeModel } from '../hooks/useOrgTree.ts';

/**
 * 通讯录 tree: the org tree from the city down, loaded one level per expand.
 * Each title carries `data-testid="org-node-<code>"` and `data-level`.
 */
export function OrgTree({ tree, selected, onSelect }: { tree: OrgTreeModel; selected: string | null; onSelect(code: string): void }) {
  const t = useT();
  const { wide } = useScreen();
  const scrollRef = useRef<HTMLDivElement>(null);

  const treeData = useMemo<TreeDataNode[]>(() => {
    const build = (code: string): TreeDataNode | null => {
      const unit = tree.units.get(code);
      if (!unit) return null;
      const kids = tree.children.get(code);
      return {
        key: code,
        isLeaf: kids ? kids.length === 0 : unit.hasChildren === false,
        title: (
          <span data-testid={`org-node-${code}`} data-level={unit.level}>
            {unit.name}
            {unit.level === 'agency' ? (
              <Tag variant="filled" style={{ marginInlineStart: 6 }}>
                {t(LEVEL_KEYS.agency)}
              </Tag>
            ) : null}
          </span>
        ),
        children: kids?.map(build).filter((n): n is TreeDataNode => n !== null),
      };
    };
    const root = build(tree.rootCode);
    return root ? [root] : [];
  }, [tree.units, tree.children, tree.rootCode, t]);

  // A unit chosen by search may be far down a long list: bring it into the tree's view
  // (scrolling only the tree's own box, never the page under a phone user's thumb).
  useEffect(() => {
    const box = scrollRef.current;
    const node = selected ? box?.querySelector(`[data-testid="org-node-${CSS.escape(selected)}"]`) : null;
    if (!box || !node) return;
    const outer = box.getBoundingClientRect();
    const inner = node.getBoundingClientRect();
    if (inner.top < outer.top || inner.bottom > outer.bottom) box.scrollTop += inner.top - outer.top - outer.height / 3;
  }, [selected, treeData]);

  if (tree.error) return <ErrorAlert error={tree.error} />;
  if (treeData.length === 0) return <PageLoading />;
  return (
    <div data-testid="org-tree" ref={scrollRef} style={{ maxHeight: wide ? 'calc(100vh - 250px)' : '45vh', minHeight: 200, overflow: 'auto' }}>
      <Tree
        blockNode
        showLine
        treeData={treeData}
        expandedKeys={[...tree.expanded]}
        selectedKeys={selected ? [selected] : []}
        onExpand={(keys) => tree.setExpanded(keys.map(String))}
        loadData={(node) => tree.loadChildren(String(node.key))}
        onSelect={(keys) => {
          // Clicking the selected node again would deselect it; keep a unit selected.
          const code = keys[0];
          if (code !== undefined) onSelect(String(code));
        }}
      />
    </div>
  );
}
