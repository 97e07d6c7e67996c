import type { IngestResult } from '@jing/contracts';
import type { Logger } from '../../platform/logger.ts';
import { DomainError } from '../../platform/errors.ts';
import type { DeviceDirectory, NetworkRef } from './directory.ts';
import { IngestMetrics, type Transport } from './ingest.metrics.ts';
import { newQcState, qcFlags, type DeviceQcState } from './qc.ts';
import { parseRecord, type ParsedRecord, type Rejection, type TimeCache } from './records.ts';
import type { ReadingRow, ReadingWriter } from './readings.repository.ts';

export interface IngestOptions {
  /** How far in the future a reading's time may be (device clocks drift). */
  maxFutureMs: number;
  /** Most rows one commit takes; more wait for the next. */
  maxCommitRows?: number;
}

interface Waiting {
  rows: ReadingRow[];
  resolve(stored: boolean[]): void;
  reject(err: unknown): void;
}

/**
 * Group commit: batches submitted while a commit runs (or in the same turn of the event loop) share the
 * next one. Each submitter's promise resolves only after its rows are committed, so an acknowledgement
 * always means durable — and under load commits grow instead of multiplying.
 */
class CommitQueue {
  private waiting: Waiting[] = [];
  private pendingRows = 0;
  private scheduled = false;
  private running = false;

  constructor(
    private readonly writer: ReadingWriter,
    private readonly metrics: IngestMetrics,
    private readonly maxRows: number,
  ) {}

  get backlog(): number {
    return this.pendingRows;
  }

  submit(rows: ReadingRow[]): Promise<boolean[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ rows, resolve, reject });
      this.pendingRows += rows.length;
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    this.running = true;
    const batch: Waiting[] = [];
    let n = 0;
    while (this.waiting.length && (n === 0 || n + this.waiting[0]!.rows.length <= this.maxRows)) {
      const w = this.waiting.shift()!;
      batch.push(w);
      n += w.rows.length;
    }
    this.pendingRows -= n;
    const rows = batch.length === 1 ? batch[0]!.rows : batch.flatMap((w) => w.rows);
    const started = performance.now();
    try {
      const stored = await this.writer.write(rows);
      this.metrics.commits++;
      this.metrics.committedRows += rows.length;
      this.metrics.commitSeconds += (performance.now() - started) / 1000;
      let at = 0;
      for (const w of batch) {
        w.resolve(stored.slice(at, at + w.rows.length));
        at += w.rows.length;
      }
    } catch (err) {
      for (const w of batch) w.reject(err);
    } finally {
      this.running = false;
      if (this.waiting.length) this.schedule();
    }
  }
}

/**
 * Ingestion of readings from any transport: each record checked on its own (records.ts), its device resolved
 * and held to the caller's network, its values flagged by quality control (qc.ts), then stored with a group
 * commit. Bad records come back with reasons; the rest of the batch lands.
 */
export class IngestService {
  readonly metrics = new IngestMetrics();
  private readonly qc = new Map<number, DeviceQcState>();
  private readonly queue: CommitQueue;

  constructor(
    private readonly directory: DeviceDirectory,
    private readonly writer: ReadingWriter,
    private readonly opts: IngestOptions,
    private readonly logger: Logger,
    private readonly clock: () => number = Date.now,
  ) {
    this.queue = new CommitQueue(writer, this.metrics, opts.maxCommitRows ?? 50_000);
  }

  /** Which writer stores readings (`sqlite-native` or `set-based`). */
  get writerKind(): string {
    return this.writer.kind;
  }

  /** Rows accepted but not yet committed (MQTT pauses readers above a limit). */
  get backlog(): number {
    return this.queue.backlog;
  }

  /** The network of an API key; 401 without a valid one. */
  async authenticate(apiKey: string | null | undefined): Promise<NetworkRef> {
    if (!apiKey) throw new DomainError('unauthenticated', 'send the network API key: Authorization: Bearer <apiKey>');
    const network = await this.directory.networkForKey(apiKey);
    if (!network) throw new DomainError('unauthenticated', 'unknown or revoked API key');
    return network;
  }

  /** An HTTP batch posted with a network API key. */
  async ingest(apiKey: string | null | undefined, records: unknown[]): Promise<IngestResult> {
    return this.ingestFor(await this.authenticate(apiKey), records, 'http');
  }

  /**
   * Records of `network`. `topicDevice` names the device for MQTT payloads, which may leave `device` out:
   * one for all records, or one per record. Resolves after the accepted records are committed.
   */
  async ingestFor(network: NetworkRef, records: readonly unknown[], transport: Transport, topicDevice?: string | readonly string[]): Promise<IngestResult> {
    const now = this.clock();
    const rejected: Rejection[] = [];
    const parsed: { index: number; record: ParsedRecord }[] = [];
    const times: TimeCache = { text: '', t: 0 };
    for (let i = 0; i < records.length; i++) {
      const r = parseRecord(records[i], now, this.opts.maxFutureMs, typeof topicDevice === 'object' ? topicDevice[i] : topicDevice, times);
      if (r.ok) parsed.push({ index: i, record: r.record });
      else rejected.push({ index: i, reason: r.reason, detail: r.detail });
    }
    const devices = parsed.length ? await this.directory.resolve(parsed.map((p) => p.record.device)) : new Map();
    const rows: ReadingRow[] = [];
    const rowIndex: number[] = [];
    let flagged = 0;
    for (const { index, record } of parsed) {
      const dev = devices.get(record.device);
      if (!dev) rejected.push({ index, reason: 'unknown_device', detail: `device ${record.device} is not registered` });
      else if (dev.networkId !== network.id) rejected.push({ index, reason: 'wrong_network', detail: `device ${record.device} belongs to another network` });
      else {
        let state = this.qc.get(dev.id);
        if (!state) this.qc.set(dev.id, (state = newQcState()));
        const qc = qcFlags(state, record.t, record.values);
        rows.push({ t: record.t, deviceId: dev.id, values: record.values, qc });
        rowIndex.push(index);
      }
    }
    let accepted = 0;
    if (rows.length) {
      const stored = await this.queue.submit(rows);
      for (let i = 0; i < rows.length; i++) {
        if (stored[i]) {
          accepted++;
          if (rows[i]!.qc) flagged++;
        } else rejected.push({ index: rowIndex[i]!, reason: 'duplicate', detail: 'every value of this record is already stored for this device and time' });
      }
    }
    this.metrics.count(transport, accepted, flagged);
    for (const r of rejected) this.metrics.reject(transport, r.reason);
    if (rejected.length > 1) rejected.sort((a, b) => a.index - b.index);
    if (rejected.length) this.logger.debug({ network: network.code, transport, rejected: rejected.length }, 'readings rejected');
    return { accepted, rejected, flagged };
  }

  close(): void {
    this.writer.close();
  }
}
