/** Minimal XML writing for GeoReport v2 (schemaless, no namespace, UTF-8). */

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function node(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) return value.map((v) => node(name, v)).join('');
  if (typeof value === 'object') return `<${name}>${Object.entries(value as Record<string, unknown>).map(([k, v]) => (Array.isArray(v) ? `<${k}>${v.map((x) => node(singular(k), x)).join('')}</${k}>` : node(k, v))).join('')}</${name}>`;
  return `<${name}>${escape(String(value))}</${name}>`;
}

/** `services` → `service`, `attributes` → `attribute`, `values` → `value`, `errors` → `error`. */
function singular(k: string): string {
  return k === 'service_requests' ? 'request' : k.endsWith('s') ? k.slice(0, -1) : k;
}

/** An XML document whose root `root` holds `items`, each as `<item>` (e.g. services → service). */
export function xmlList(root: string, item: string, items: unknown[]): string {
  return `<?xml version="1.0" encoding="utf-8"?><${root}>${items.map((i) => node(item, i)).join('')}</${root}>`;
}

export function xmlDoc(root: string, value: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="utf-8"?>${node(root, value)}`;
}
