/**
 * MQTT ingestion (ADR 0008). Devices publish one reading record as JSON on `jing/<network>/<device>/readings`.
 * - Embedded broker (default): aedes inside the server. Clients connect with the network code as username and
 *   its API key as password; a client may publish and subscribe only under its own network. A publish is
 *   acknowledged (QoS 1 PUBACK) only after its reading is committed. Rejections are published back on
 *   `jing/<network>/<device>/rejected` as `{ reason, detail }`.
 * - External broker (production): Jing subscribes to the broker with a shared subscription and takes each
 *   message's key from the MQTT 5 user property `api-key` (or `authorization: Bearer …`), or from a `key`
 *   field of the JSON payload for MQTT 3.1.1 devices; it acknowledges after the commit, so the broker
 *   redelivers what a crash lost.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { Duplex, Transform, type TransformCallback } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import mqtt, { type MqttClient } from 'mqtt';
import type { Logger } from '../../platform/logger.ts';
import type { IngestService } from './ingest.service.ts';
import type { NetworkRef } from './directory.ts';
import { MalformedLine } from './records.ts';

export const TOPIC = /^jing\/([A-Za-z0-9][A-Za-z0-9_.-]{0,63})\/([A-Za-z0-9][A-Za-z0-9_.-]{0,63})\/readings$/;

/** A packet longer than the limit: the connection is closed before the broker buffers it. */
class OversizedPacket extends Error {}

/**
 * Passes an MQTT byte stream through unchanged while reading each packet's fixed header, and fails as soon
 * as a header announces a packet longer than `max` — before the broker would buffer it in full (an MQTT
 * packet may announce 256 MB).
 */
export class FrameGuard extends Transform {
  private stage: 'type' | 'length' | 'body' = 'type';
  private length = 0;
  private multiplier = 1;
  private lengthBytes = 0;
  private remaining = 0;

  constructor(private readonly max: number) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.stage === 'body') {
        const k = Math.min(this.remaining, chunk.length - i);
        this.remaining -= k;
        i += k;
        if (this.remaining === 0) this.stage = 'type';
      } else if (this.stage === 'type') {
        i++;
        this.stage = 'length';
        this.length = 0;
        this.multiplier = 1;
        this.lengthBytes = 0;
      } else {
        const b = chunk[i++]!;
        this.length += (b & 127) * this.multiplier;
        this.multiplier *= 128;
        this.lengthBytes++;
        if (b & 128) {
          if (this.lengthBytes >= 4) return done(new OversizedPacket('malformed remaining length'));
          continue;
        }
        if (this.length > this.max) return done(new OversizedPacket(`packet of ${this.length} bytes exceeds ${this.max}`));
        this.remaining = this.length;
        this.stage = this.length > 0 ? 'body' : 'type';
      }
    }
    done(null, chunk);
  }
}

export interface BrokerOptions {
  host: string;
  port: number;
  /** Largest reading payload; a larger one is rejected as `too_large` (the connection stays). */
  maxPayloadBytes: number;
}

type JingClient = Client & { jingNetwork?: NetworkRef };

/** The embedded MQTT broker. */
export class EmbeddedBroker {
  private aedes: Aedes | null = null;
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private readonly batcher: MessageBatcher;

  constructor(
    private readonly ingest: IngestService,
    private readonly logger: Logger,
    private readonly opts: BrokerOptions,
  ) {
    this.batcher = new MessageBatcher(ingest, logger, (network, device, reason, detail) => this.rejected(network, device, reason, detail));
  }

  /** Tells the device why its reading was not stored, on `jing/<network>/<device>/rejected`. */
  private rejected(network: string, device: string, reason: string, detail: string): void {
    const payload = Buffer.from(JSON.stringify({ reason, detail }));
    this.aedes?.publish({ cmd: 'publish', topic: `jing/${network}/${device}/rejected`, payload, qos: 0, retain: false, dup: false }, () => {});
  }

  /** Starts listening; resolves with the port (useful with port 0). */
  async start(): Promise<number> {
    const { ingest, logger, opts } = this;
    const metrics = ingest.metrics;
    const aedes = await Aedes.createBroker({ heartbeatInterval: 600_000, drainTimeout: 30_000, maxTopicLevels: 8 });
    this.aedes = aedes;
    aedes.authenticate = (client, username, password, done) => {
      const refuse = () => {
        metrics.refuse('bad_credentials');
        const err = new Error('bad network code or API key') as AuthenticateError;
        err.returnCode = 4;
        done(err, false);
      };
      if (!password) return refuse();
      ingest.authenticate(password.toString('utf8')).then(
        (network) => {
          if (username && username !== network.code) return refuse();
          (client as JingClient).jingNetwork = network;
          done(null, true);
        },
        refuse,
      );
    };
    aedes.authorizePublish = (client, packet, done) => {
      const network = (client as JingClient | null)?.jingNetwork;
      const m = TOPIC.exec(packet.topic);
      if (!network || !m) {
        metrics.refuse('topic');
        return done(new Error(`publish only to jing/<network>/<device>/readings`));
      }
      if (m[1] !== network.code) {
        metrics.refuse('foreign_network');
        return done(new Error(`this client may publish only under jing/${network.code}/`));
      }
      const device = m[2]!;
      const payload = packet.payload as Buffer;
      if (payload.length > opts.maxPayloadBytes) {
        metrics.reject('mqtt', 'too_large');
        packet.payload = Buffer.alloc(0);
        this.rejected(network.code, device, 'too_large', `payload of ${payload.length} bytes exceeds ${opts.maxPayloadBytes}`);
        return done(null);
      }
      this.batcher.add(network, device, parsePayload(payload), done);
    };
    aedes.authorizeSubscribe = (client, sub, done) => {
      const network = (client as JingClient).jingNetwork;
      // Devices and dashboards of a network see that network's topics only.
      done(null, network && (sub.topic === `jing/${network.code}/#` || sub.topic.startsWith(`jing/${network.code}/`)) ? sub : null);
    };
    aedes.on('clientReady', () => metrics.mqttConnections++);
    aedes.on('clientDisconnect', () => metrics.mqttConnections--);
    aedes.on('clientError', (_client, err) => logger.debug({ err: err.message }, 'mqtt client error'));
    aedes.on('connectionError', (_client, err) => logger.debug({ err: err.message }, 'mqtt connection error'));

    // The guard's limit: the payload limit plus room for the topic and headers; above it, no broker buffering.
    const frameLimit = opts.maxPayloadBytes * 4 + 1024;
    const server = createServer((socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => {});
      const guard = new FrameGuard(frameLimit);
      guard.on('error', (err) => {
        metrics.refuse(err instanceof OversizedPacket ? 'oversized_packet' : 'stream_error');
        logger.info({ err: err.message }, 'mqtt connection closed');
        socket.destroy();
      });
      socket.pipe(guard);
      const conn = Duplex.from({ readable: guard, writable: socket });
      conn.on('error', () => socket.destroy());
      aedes.handle(conn);
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, opts.host, () => resolve());
    });
    const port = (server.address() as { port: number }).port;
    logger.info({ port }, 'embedded MQTT broker listening');
    return port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    const aedes = this.aedes;
    this.aedes = null;
    if (aedes) await new Promise<void>((resolve) => aedes.close(() => resolve()));
  }
}

type Done = (err?: Error | null) => void;

/**
 * Messages arriving in one turn of the event loop go to ingestion together, one call per network: per
 * message, a call would cost more than the reading's own checks. Each message's callback (its PUBACK) is
 * called after the commit.
 */
class MessageBatcher {
  private pending = new Map<number, { network: NetworkRef; devices: string[]; records: unknown[]; done: Done[] }>();
  private scheduled = false;

  constructor(
    private readonly ingest: IngestService,
    private readonly logger: Logger,
    private readonly rejected: (network: string, device: string, reason: string, detail: string) => void,
  ) {}

  add(network: NetworkRef, device: string, record: unknown, done: Done): void {
    let p = this.pending.get(network.id);
    if (!p) this.pending.set(network.id, (p = { network, devices: [], records: [], done: [] }));
    p.devices.push(device);
    p.records.push(record);
    p.done.push(done);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.scheduled = false;
    const batches = [...this.pending.values()];
    this.pending.clear();
    for (const b of batches) {
      this.ingest.ingestFor(b.network, b.records, 'mqtt', b.devices).then(
        (r) => {
          for (const x of r.rejected) this.rejected(b.network.code, b.devices[x.index]!, x.reason, x.detail);
          for (const d of b.done) d(null);
        },
        (err) => {
          this.logger.error({ err }, 'mqtt ingestion failed');
          // Not acknowledged as stored: the connection closes and a QoS 1 device sends again.
          for (const d of b.done) d(new Error('ingestion failed'));
        },
      );
    }
  }
}

/** The record in a payload; one that is not JSON is carried to ingestion to be rejected and counted like any bad record. */
function parsePayload(payload: Buffer): unknown {
  try {
    return JSON.parse(payload.toString('utf8'));
  } catch (e) {
    return new MalformedLine(`payload is not JSON: ${(e as Error).message}`);
  }
}

/** Where an external broker is and how Jing subscribes to it. */
export interface BridgeOptions {
  url: string;
  maxPayloadBytes: number;
  /** Client id; a fixed one keeps the broker session (and its unacknowledged messages) across restarts. */
  clientId?: string;
  /** Shared-subscription group: the Jing servers of one deployment split the readings between them. */
  group?: string;
}

/** Jing as a subscriber of an external broker (Mosquitto, EMQX, …). */
export class ExternalBridge {
  private client: MqttClient | null = null;

  constructor(
    private readonly ingest: IngestService,
    private readonly logger: Logger,
    private readonly opts: BridgeOptions,
  ) {}

  async start(): Promise<void> {
    const { ingest, logger, opts } = this;
    const metrics = ingest.metrics;
    const client = mqtt.connect(opts.url, {
      protocolVersion: 5,
      clientId: opts.clientId ?? `jing-${randomBytes(6).toString('hex')}`,
      clean: !opts.clientId,
      ...(opts.clientId ? { properties: { sessionExpiryInterval: 86_400 } } : {}),
      reconnectPeriod: 2_000,
      manualConnect: true,
    });
    this.client = client;
    client.handleMessage = (packet, done) => {
      const m = TOPIC.exec(packet.topic);
      if (!m) return done();
      const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
      if (payload.length > opts.maxPayloadBytes) {
        metrics.reject('mqtt', 'too_large');
        return done();
      }
      const record = parsePayload(payload);
      const props = packet.properties?.userProperties ?? {};
      const prop = (k: string) => {
        const v = props[k];
        return Array.isArray(v) ? v[0] : v;
      };
      const auth = prop('authorization');
      const fromPayload = typeof record === 'object' && record !== null ? (record as { key?: unknown }).key : undefined;
      const key = prop('api-key') ?? (auth ? /^Bearer\s+(\S+)$/i.exec(auth)?.[1] : undefined) ?? (typeof fromPayload === 'string' ? fromPayload : undefined);
      ingest
        .authenticate(key)
        .then((network) => {
          if (network.code !== m[1]) {
            metrics.refuse('foreign_network');
            return;
          }
          return ingest.ingestFor(network, [record], 'mqtt', m[2]);
        })
        .catch((err) => {
          if ((err as { code?: string }).code === 'unauthenticated') metrics.refuse('bad_credentials');
          else logger.error({ err }, 'mqtt bridge ingestion failed');
        })
        .finally(() => done());
    };
    client.on('error', (err) => logger.warn({ err: err.message }, 'external MQTT broker error'));
    await new Promise<void>((resolve, reject) => {
      const fail = (err: Error) => reject(err);
      client.once('error', fail);
      client.once('connect', () => {
        client.off('error', fail);
        // A shared subscription: several Jing servers split the readings between them.
        client.subscribe(`$share/${opts.group ?? 'jing'}/jing/+/+/readings`, { qos: 1 }, (err) => (err ? reject(err) : resolve()));
      });
      client.connect();
    });
    logger.info({ url: opts.url.replace(/\/\/[^@]*@/, '//***@') }, 'subscribed to the external MQTT broker');
  }

  async stop(): Promise<void> {
    const c = this.client;
    this.client = null;
    if (c) await c.endAsync();
  }
}
