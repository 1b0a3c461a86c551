import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FaultList } from '../faults';
import { toEmulatorRequest, type EmulatorRequest } from '../http';
import type { ChannelHub } from './channelHub';

export interface UpgradeContext {
  hub: ChannelHub;
  faults: FaultList;
  record: (req: EmulatorRequest, status: number, startedAt: number) => void;
  logLine: (req: EmulatorRequest, status: number, startedAt: number, note: string) => void;
}

/**
 * A channel's connectUri (ws://127.0.0.1:PORT/channels/ID): recorded (status 101 when it connects) and faulted like
 * any request — a rule with `drop` cuts the connection, one with `status` refuses it — but without a bearer token,
 * as on the platform, where the channel id is what lets a socket in.
 */
export function handleChannelUpgrade(
  incoming: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  ctx: UpgradeContext,
): void {
  const startedAt = Date.now();
  const req = toEmulatorRequest(incoming, '');
  const id = /^\/channels\/([^/]+)\/?$/.exec(req.path)?.[1];
  const fault = ctx.faults.take(req.method, req.pathWithQuery);
  socket.on('error', () => undefined);
  const answer = (status: number): void => {
    ctx.record(req, status, startedAt);
    ctx.logLine(req, status, startedAt, fault ? ' (fault)' : '');
  };
  if (fault?.drop) {
    answer(0);
    socket.destroy();
  } else if (fault?.status !== undefined || id === undefined || !ctx.hub.has(id)) {
    const status = fault?.status ?? 404;
    answer(status);
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  } else {
    answer(101);
    ctx.hub.upgrade(id, incoming, socket, head);
  }
}
