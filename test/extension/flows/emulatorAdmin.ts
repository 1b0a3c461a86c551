/** The harness emulator's admin API (/__emulator/...), for arranging and checking server state. */
import type { JsonObject } from '../../../src/common/json';

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  body?: unknown;
  at: number;
}

export class EmulatorAdmin {
  constructor(readonly url: string) {}

  static fromEnvironment(): EmulatorAdmin {
    const url = process.env.EBF_EMULATOR_URL;
    if (!url) {
      throw new Error(
        'EBF_EMULATOR_URL is not set: run these tests through the harness (node out/test/vscode/run.js).',
      );
    }
    return new EmulatorAdmin(url.replace(/\/$/, ''));
  }

  reset(): Promise<unknown> {
    return this.call('POST', '/__emulator/reset');
  }
  clearRequests(): Promise<unknown> {
    return this.call('DELETE', '/__emulator/requests');
  }
  requests(): Promise<LoggedRequest[]> {
    return this.call('GET', '/__emulator/requests') as Promise<LoggedRequest[]>;
  }
  addFault(rule: JsonObject): Promise<unknown> {
    return this.call('POST', '/__emulator/faults', rule);
  }
  eventBridge(id: string): Promise<JsonObject> {
    return this.call('GET', `/__emulator/eventbridge/${id}`) as Promise<JsonObject>;
  }
  setEventBridge(id: string, doc: JsonObject): Promise<unknown> {
    return this.call('PUT', `/__emulator/eventbridge/${id}`, doc);
  }
  config(id: string): Promise<JsonObject> {
    return this.call('GET', `/__emulator/config/${id}`) as Promise<JsonObject>;
  }
  setConfig(id: string, config: JsonObject): Promise<unknown> {
    return this.call('PUT', `/__emulator/config/${id}`, config);
  }

  /** Requests that changed something (PUT/POST/DELETE on /api/v2), i.e. writes by the extension. */
  async writes(): Promise<LoggedRequest[]> {
    return (await this.requests()).filter((r) => r.method !== 'GET' && r.path.startsWith('/api/v2/'));
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(this.url + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  }
}
