/** The emulator's controls for tests and the admin API, over the parts of one running emulator. */
import type { ChannelHub } from './notifications/channelHub';
import { checkNotificationSettings } from './notifications/channelHub';
import type { TokenStore } from './auth';
import type { FaultList } from './faults';
import type { EmulatorOrgData } from './orgData';
import type { Throttle } from './rateLimit';
import type { RecordedRequest } from './requestLog';
import type { AdminControls } from './routes/admin';
import type { EmulatorData } from './state';

export interface EmulatorParts {
  /** The org data it started with: its faults come back on reset. */
  orgData: EmulatorOrgData;
  data: EmulatorData;
  hub: ChannelHub;
  faults: FaultList;
  tokens: TokenStore;
  throttle: Throttle;
  requests: RecordedRequest[];
}

export function createAdminControls({
  orgData,
  data,
  hub,
  faults,
  tokens,
  throttle,
  requests,
}: EmulatorParts): AdminControls {
  const loadDataFaults = () => {
    for (const rule of orgData.faults ?? []) faults.add(rule);
  };
  loadDataFaults();

  return {
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    listFaults: () => faults.list(),
    addFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    expireTokens: () => tokens.expireAll(),
    notifications: () => hub.state(),
    configureNotifications: (settings) => {
      checkNotificationSettings(settings);
      return hub.configure(settings);
    },
    dropSockets: () => hub.dropSockets(),
    expireChannels: (id) => hub.expire(id),
    reset: () => {
      hub.reset();
      data.reset();
      faults.clear();
      loadDataFaults();
      requests.length = 0;
      throttle.reset();
    },
    limits: () => throttle.current(),
    setLimits: (changes) => throttle.set(changes),
    getEventBridgeDocument: (id) => {
      const doc = data.eventBridgeDocuments.get(id);
      return doc === undefined ? undefined : structuredClone(doc);
    },
    setEventBridgeDocument: (id, doc) => {
      data.eventBridgeDocuments.set(id, structuredClone(doc));
    },
    getConfig: (id) => {
      const config = data.configs.get(id);
      return config === undefined ? undefined : structuredClone(config);
    },
    setConfig: (id, config) => {
      if (!data.findIntegration(id)) {
        throw new Error(`No integration ${id} in the emulator; configs exist only for listed integrations.`);
      }
      data.storeConfigAsNextVersion(id, config);
    },
  };
}
