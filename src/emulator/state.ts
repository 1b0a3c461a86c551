import type { JsonObject } from '../common/json';
import { isJsonObject } from '../common/json';
import { type EmulatorOrgData } from './orgData';
import { EVENTBRIDGE_TYPE_ID } from '../genesys/integrations';
import { defaultAvailableTopics } from './topics';

/** The emulator's data: what the org data says, plus every write since the last reset. */
export class EmulatorData {
  organization: JsonObject = {};
  integrations: JsonObject[] = [];
  readonly eventBridgeDocuments = new Map<string, JsonObject>();
  readonly configs = new Map<string, JsonObject>();
  availableTopics: JsonObject[] = [];

  constructor(
    private readonly orgData: EmulatorOrgData,
    private readonly orgIdOverride?: string,
  ) {
    this.reset();
  }

  /** Back to the org data, sharing nothing with it (the org data stays pristine for the next reset). */
  reset(): void {
    const data = structuredClone(this.orgData);
    this.organization = data.organization;
    if (this.orgIdOverride) {
      this.organization.id = this.orgIdOverride;
      this.organization.selfUri = `/api/v2/organizations/${this.orgIdOverride}`;
    }
    this.integrations = data.integrations;
    this.eventBridgeDocuments.clear();
    for (const [id, doc] of Object.entries(data.eventBridgeDocuments ?? {})) this.eventBridgeDocuments.set(id, doc);
    this.configs.clear();
    for (const [id, config] of Object.entries(data.configs ?? {})) this.configs.set(id, config);
    // Every integration has a current config on the platform; invent a blank one where the org data has none.
    for (const entity of this.integrations) {
      const id = entity.id as string;
      if (!this.configs.has(id)) {
        this.configs.set(id, {
          id,
          name: entity.name,
          version: 1,
          properties: {},
          advanced: {},
          notes: '',
          credentials: {},
          selfUri: `/api/v2/integrations/${id}/config/current`,
        });
      }
      this.syncListingConfig(id);
    }
    this.availableTopics = data.availableTopics ?? defaultAvailableTopics();
  }

  findIntegration(id: string): JsonObject | undefined {
    return this.integrations.find((entity) => entity.id === id);
  }

  isEventBridge(id: string): boolean {
    const entity = this.findIntegration(id);
    return isJsonObject(entity?.integrationType) && entity.integrationType.id === EVENTBRIDGE_TYPE_ID;
  }

  /** Stores a config as the next version (the caller has already checked the version it was based on). */
  storeConfigAsNextVersion(id: string, config: JsonObject): JsonObject {
    const current = this.configs.get(id);
    const version = (typeof current?.version === 'number' ? current.version : 0) + 1;
    const stored = { ...structuredClone(config), version };
    this.configs.set(id, stored);
    this.syncListingConfig(id);
    return structuredClone(stored);
  }

  /** The listing shows the config's name and version, as on the platform where they are one object. */
  private syncListingConfig(id: string): void {
    const entity = this.findIntegration(id);
    const config = this.configs.get(id);
    if (!entity || !config) return;
    if (typeof config.name === 'string') entity.name = config.name;
    const current: JsonObject = {
      id,
      name: entity.name,
      version: config.version,
      selfUri: `/api/v2/integrations/${id}/config/current`,
    };
    entity.config = { ...(isJsonObject(entity.config) ? entity.config : {}), current };
  }
}
