import type { RejectReason } from './records.ts';

export type Transport = 'http' | 'mqtt' | 'import';
const TRANSPORTS: Transport[] = ['http', 'mqtt', 'import'];

/**
 * Ingestion counters in Prometheus text format, appended to /metrics: what was accepted, rejected (by reason)
 * and flagged per transport, commits, and what the MQTT broker refused at the connection level.
 */
export class IngestMetrics {
  private readonly accepted = new Map<Transport, number>();
  private readonly flagged = new Map<Transport, number>();
  private readonly rejected = new Map<string, number>();
  private readonly refused = new Map<string, number>();
  commits = 0;
  committedRows = 0;
  commitSeconds = 0;
  mqttConnections = 0;

  count(transport: Transport, accepted: number, flagged: number): void {
    this.accepted.set(transport, (this.accepted.get(transport) ?? 0) + accepted);
    this.flagged.set(transport, (this.flagged.get(transport) ?? 0) + flagged);
  }

  reject(transport: Transport, reason: RejectReason, n = 1): void {
    const key = `${transport} ${reason}`;
    this.rejected.set(key, (this.rejected.get(key) ?? 0) + n);
  }

  /** An MQTT connection or message refused before it became a record (bad key, topic, oversized packet). */
  refuse(reason: string): void {
    this.refused.set(reason, (this.refused.get(reason) ?? 0) + 1);
  }

  acceptedTotal(transport: Transport): number {
    return this.accepted.get(transport) ?? 0;
  }

  rejectedTotal(transport?: Transport, reason?: RejectReason): number {
    let n = 0;
    for (const [k, v] of this.rejected) {
      const [t, r] = k.split(' ');
      if ((!transport || t === transport) && (!reason || r === reason)) n += v;
    }
    return n;
  }

  render(): string {
    const out = [
      '# HELP jing_sensing_readings_accepted_total Reading records stored, by transport',
      '# TYPE jing_sensing_readings_accepted_total counter',
      ...TRANSPORTS.map((t) => `jing_sensing_readings_accepted_total{transport="${t}"} ${this.accepted.get(t) ?? 0}`),
      '# HELP jing_sensing_readings_flagged_total Stored records with a quality-control flag, by transport',
      '# TYPE jing_sensing_readings_flagged_total counter',
      ...TRANSPORTS.map((t) => `jing_sensing_readings_flagged_total{transport="${t}"} ${this.flagged.get(t) ?? 0}`),
      '# HELP jing_sensing_readings_rejected_total Reading records rejected, by transport and reason',
      '# TYPE jing_sensing_readings_rejected_total counter',
    ];
    for (const [k, v] of this.rejected) {
      const [t, r] = k.split(' ');
      out.push(`jing_sensing_readings_rejected_total{transport="${t}",reason="${r}"} ${v}`);
    }
    out.push('# HELP jing_sensing_mqtt_refused_total MQTT connections and messages refused before parsing, by reason', '# TYPE jing_sensing_mqtt_refused_total counter');
    for (const [r, v] of this.refused) out.push(`jing_sensing_mqtt_refused_total{reason="${r}"} ${v}`);
    out.push(
      '# HELP jing_sensing_commits_total Ingestion transactions committed',
      '# TYPE jing_sensing_commits_total counter',
      `jing_sensing_commits_total ${this.commits}`,
      '# HELP jing_sensing_committed_rows_total Rows written by ingestion transactions',
      '# TYPE jing_sensing_committed_rows_total counter',
      `jing_sensing_committed_rows_total ${this.committedRows}`,
      '# HELP jing_sensing_commit_seconds_total Time spent in ingestion transactions',
      '# TYPE jing_sensing_commit_seconds_total counter',
      `jing_sensing_commit_seconds_total ${this.commitSeconds.toFixed(6)}`,
      '# HELP jing_sensing_mqtt_connections MQTT clients connected to the embedded broker',
      '# TYPE jing_sensing_mqtt_connections gauge',
      `jing_sensing_mqtt_connections ${this.mqttConnections}`,
    );
    return out.join('\n') + '\n';
  }
}
