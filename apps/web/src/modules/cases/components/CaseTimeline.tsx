import { Timeline, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/index.ts';
import { useClientConfig, DEFAULT_CLIENT_CONFIG } from '../../../shared/clientConfig.ts';
import { formatInstant } from '../../../shared/format.ts';
import type { CaseView } from '../api.ts';
import { eventName } from '../labels.ts';
import { eventText } from '../eventText.ts';

/** Names of the units a case mentions (its place, handler and participants), by code. */
export function unitNames(c: CaseView): Map<string, string> {
  const names = new Map<string, string>();
  for (const ref of [c.district, c.street, c.handler]) if (ref) names.set(ref.code, ref.name);
  for (const p of c.participants) names.set(p.unit.code, p.unit.name);
  return names;
}

/**
 * 办理过程: every event of a case, newest last, with the unit that acted.
 * Each item carries `data-event` (its type) for tests.
 */
export function CaseTimeline({ value }: { value: CaseView }) {
  const { t, locale } = useI18n();
  const timeZone = (useClientConfig().data ?? DEFAULT_CLIENT_CONFIG).timeZone;
  const names = unitNames(value);
  return (
    <div data-testid="case-timeline" data-count={value.events.length}>
      <Timeline
        items={value.events.map((e, i) => {
          const text = eventText(t, e.type, e.text);
          return {
            key: `${e.at}-${i}`,
            color: e.type === 'return' || e.type === 'reopen' ? 'red' : i === value.events.length - 1 ? 'blue' : 'gray',
            content: (
              <div data-event={e.type}>
                <Typography.Text strong>{eventName(t, e.type)}</Typography.Text>
                {e.unitCode ? <Typography.Text type="secondary"> · {names.get(e.unitCode) ?? e.unitCode}</Typography.Text> : null}
                <div style={{ fontSize: 12, opacity: 0.65 }}>{formatInstant(e.at, locale, timeZone)}</div>
                {text ? <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{text}</div> : null}
              </div>
            ),
          };
        })}
      />
    </div>
  );
}
