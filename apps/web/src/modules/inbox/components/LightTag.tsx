import { Tag } from 'antd';
import { useT, type MessageKey } from '../../../shared/i18n/index.ts';
import type { TrafficLight } from '../api.ts';

/** Traffic-light colours: overdue red, near the limit gold, on time green. */
export const LIGHT_COLORS: Record<TrafficLight, string> = { red: 'red', yellow: 'gold', green: 'green', none: 'default' };
export const LIGHT_KEYS: Record<TrafficLight, MessageKey> = {
  red: 'inbox.light.red',
  yellow: 'inbox.light.yellow',
  green: 'inbox.light.green',
  none: 'inbox.light.none',
};

/** A work item's traffic light as a tag (`data-light` for tests). */
export function LightTag({ light }: { light: TrafficLight }) {
  const t = useT();
  return (
    <Tag color={LIGHT_COLORS[light]} data-light={light}>
      {t(LIGHT_KEYS[light])}
    </Tag>
  );
}
