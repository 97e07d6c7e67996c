import { sha256 } from '../../platform/hash.ts';
import { LruCache } from '../../platform/cache.ts';
import type { SensingRepository } from './sensing.repository.ts';

/** What ingestion needs to know about a device. */
export interface DeviceRef {
  id: number;
  code: string;
  networkId: number;
  networkCode: string;
}

export interface NetworkRef {
  id: number;
  code: string;
}

export const hashKey = (key: string): string => sha256(key);

/** How long "no such device" is believed: a device registered by the CLI in another process shows up after this. */
const NEGATIVE_TTL_MS = 5_000;

/**
 * Devices and network keys as ingestion sees them, cached: a batch of a thousand readings must not cost a
 * thousand queries. Registrations in this process update the cache at once; another process's (the CLI)
 * clear it through the cache epochs within a poll (ADR 0019), or show when the negative entry expires.
 */
export class DeviceDirectory {
  private readonly devices = new LruCache<string, DeviceRef>(200_000);
  private readonly missing = new Map<string, number>();
  private readonly keys = new LruCache<string, NetworkRef | null>(10_000);

  constructor(
    private readonly repo: SensingRepository,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The network an API key belongs to, or null. */
  async networkForKey(key: string): Promise<NetworkRef | null> {
    const hash = hashKey(key);
    const hit = this.keys.get(hash);
    if (hit !== undefined) return hit;
    const row = await this.repo.networkByKeyHash(hash);
    const ref = row ? { id: row.id, code: row.code } : null;
    // Unknown keys are not cached: a flood of random keys must not evict the real ones.
    if (ref) this.keys.set(hash, ref);
    return ref;
  }

  /** Resolves device codes; unknown ones are absent from the map. */
  async resolve(codes: Iterable<string>): Promise<Map<string, DeviceRef>> {
    const out = new Map<string, DeviceRef>();
    const load: string[] = [];
    const now = this.clock();
    for (const code of codes) {
      if (out.has(code)) continue;
      const d = this.devices.get(code);
      if (d) out.set(code, d);
      else if ((this.missing.get(code) ?? 0) <= now) load.push(code);
    }
    if (load.length) {
      for (let i = 0; i < load.length; i += 500) {
        for (const row of await this.repo.devicesByCodes(load.slice(i, i + 500))) {
          const ref = { id: row.id, code: row.code, networkId: row.network_id, networkCode: row.network_code };
          this.devices.set(row.code, ref);
          out.set(row.code, ref);
        }
      }
      if (this.missing.size > 100_000) this.missing.clear();
      for (const code of load) if (!out.has(code)) this.missing.set(code, now + NEGATIVE_TTL_MS);
    }
    return out;
  }

  /** A device registered in this process: usable at once. */
  added(ref: DeviceRef): void {
    this.missing.delete(ref.code);
    this.devices.set(ref.code, ref);
  }

  /** Devices or networks changed in another process (ADR 0019): forget everything cached. */
  forget(): void {
    this.devices.clear();
    this.missing.clear();
    this.keys.clear();
  }

  /** A key was rotated: forget every cached key (rare, and the old one must stop working now). */
  keysChanged(): void {
    this.keys.clear();
  }
}
