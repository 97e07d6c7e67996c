import { useEffect, useMemo, useState } from 'react';
import { Select, Tag } from 'antd';
import { useT } from '../../../shared/i18n/index.ts';
import { isAbort } from '../../../shared/api/errors.ts';
import { searchUnits, type OrgLevel, type OrgUnitSummary, type UnitSearchHit } from '../api.ts';
import { LEVEL_COLORS, LEVEL_KEYS } from '../levels.ts';

// Wait for a pause in typing: one request per word, not per keystroke.
const DEBOUNCE_MS = 250;

type Unit = UnitSearchHit | OrgUnitSummary;

/** Props of {@link UnitSelect}: one unit (`string`) or, with `multiple`, several (`string[]`). */
export interface UnitSelectProps {
  value?: string | string[];
  onChange?(value: string | string[] | undefined): void;
  multiple?: boolean;
  level?: OrgLevel;
  /** Only units inside this subtree (e.g. the officer's district). */
  within?: string;
  /** Offered before anything is typed (e.g. the units right under the officer's own). */
  suggestions?: readonly OrgUnitSummary[];
  placeholder?: string;
  testId?: string;
  autoFocus?: boolean;
}

/**
 * A form control choosing org units by search (`GET /api/v1/org/units?q=`).
 * Each option shows the level and where the unit sits, and carries
 * `data-testid="unit-option-<code>"`; the popup (`<testId>-results`) carries `data-query`, the
 * words its options answer. Keyboard: type, arrows, Enter.
 */
export function UnitSelect({ value, onChange, multiple = false, level, within, suggestions, placeholder, testId, autoFocus }: UnitSelectProps) {
  const t = useT();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Unit[]>([]);
  // The words the shown hits answer: tests and assistive tech can tell a settled list from a stale one.
  const [hitsFor, setHitsFor] = useState('');
  const [searching, setSearching] = useState(false);
  // Chosen units keep their labels when a new search replaces the options.
  const [known, setKnown] = useState<Map<string, Unit>>(new Map());

  useEffect(() => {
    const text = q.trim();
    if (!text) {
      setHits([]);
      setHitsFor('');
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setSearching(true);
      searchUnits(text, 30, controller.signal, { level, within }).then(
        (items) => {
          setHits(items);
          setHitsFor(text);
          setSearching(false);
        },
        (err: unknown) => {
          if (!isAbort(err)) setSearching(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q, level, within]);

  const shown = q.trim() ? hits : (suggestions ?? []);
  const options = useMemo(() => {
    const chosen = (Array.isArray(value) ? value : value ? [value] : []).map((code) => known.get(code)).filter((u): u is Unit => !!u);
    const all = new Map<string, Unit>();
    for (const u of [...chosen, ...shown]) all.set(u.code, u);
    return [...all.values()].map((u) => ({ value: u.code, label: u.name, unit: u }));
  }, [shown, known, value]);

  return (
    <Select
      data-testid={testId}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      autoFocus={autoFocus}
      placeholder={placeholder ?? t('directory.searchPlaceholder')}
      loading={searching}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ, searchValue: q, autoClearSearchValue: true }}
      options={options}
      optionRender={(o) => <UnitOption unit={o.data.unit} />}
      popupRender={(menu) => (
        <div data-testid={testId ? `${testId}-results` : undefined} data-query={q.trim() ? hitsFor : ''} aria-busy={searching || q.trim() !== hitsFor}>
          {menu}
        </div>
      )}
      notFoundContent={q.trim() && !searching ? t('directory.noResults') : null}
      onChange={(next: string | string[] | undefined) => {
        setKnown((m) => {
          const copy = new Map(m);
          for (const o of options) copy.set(o.value, o.unit);
          return copy;
        });
        setQ('');
        onChange?.(next);
      }}
      style={{ width: '100%' }}
    />
  );
}

function UnitOption({ unit }: { unit: Unit }) {
  const t = useT();
  const path = 'path' in unit && unit.path && unit.path.length > 1 ? unit.path.slice(0, -1).map((p) => p.name).join(' / ') : null;
  return (
    <span data-testid={`unit-option-${unit.code}`}>
      <Tag color={LEVEL_COLORS[unit.level]}>{t(LEVEL_KEYS[unit.level])}</Tag>
      {unit.name}
      {path ? <span style={{ opacity: 0.6, marginInlineStart: 6, fontSize: 12 }}>{path}</span> : null}
    </span>
  );
}
