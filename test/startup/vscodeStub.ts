/**
 * Just enough of the `vscode` module to activate the extension in plain Node: the measured start-up path (load the
 * bundle, call activate()) touches windows, commands, events, the tree view and the status bar. Anything not
 * modelled here is a permissive stub: callable, constructible, and every property is another stub.
 */
type Listener = (value: unknown) => void;

class EventEmitter {
  private listeners = new Set<Listener>();
  readonly event = (listener: Listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(value?: unknown): void {
    for (const l of [...this.listeners]) l(value);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

class Disposable {
  constructor(private readonly callOnDispose: () => void = () => undefined) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  dispose(): void {
    this.callOnDispose();
  }
}

/** A stub that is a function, a constructor and an object at once; never thenable, never iterable. */
export function anyStub(): any {
  const cache = new Map<PropertyKey, unknown>();
  const target = function () {
    /* stub */
  };
  return new Proxy(target, {
    get(_t, prop) {
      if (prop === 'then' || prop === Symbol.iterator || prop === Symbol.asyncIterator) return undefined;
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === 'toString' || prop === 'toJSON') return () => '';
      if (!cache.has(prop)) cache.set(prop, anyStub());
      return cache.get(prop);
    },
    set(_t, prop, value) {
      cache.set(prop, value);
      return true;
    },
    apply: () => anyStub(),
    construct: () => anyStub(),
  });
}

/**
 * `known` in front of a stub: the stub is the prototype, so missing properties still resolve when a bundle copies
 * the module's own properties (esbuild's __toESM keeps the prototype).
 */
function withDefaults<T extends object>(known: T): T {
  const withFallback: T = Object.create(anyStub());
  return Object.assign(withFallback, known);
}

export function createVscodeStub(): any {
  const log = withDefaults({ info() {}, warn() {}, error() {}, debug() {}, trace() {}, show() {}, dispose() {} });
  return withDefaults({
    version: '1.100.3',
    EventEmitter,
    Disposable,
    l10n: withDefaults({ t: (message: string) => message }),
    window: withDefaults({ createOutputChannel: () => log }),
    // A first start with no editor open: nothing for the filters-as-code gate to load for.
    workspace: withDefaults({ textDocuments: [] }),
    commands: withDefaults({
      registerCommand: () => new Disposable(),
      executeCommand: async () => undefined,
    }),
  });
}

/** An ExtensionContext for a signed-out first start: no profiles, no secrets. */
export function createExtensionContext(): any {
  const secretsChanged = new EventEmitter();
  return withDefaults({
    subscriptions: [] as { dispose(): unknown }[],
    globalState: withDefaults({ get: () => undefined, update: async () => undefined, keys: () => [] }),
    secrets: withDefaults({
      get: async () => undefined,
      store: async () => undefined,
      delete: async () => undefined,
      onDidChange: secretsChanged.event,
    }),
    extension: withDefaults({ packageJSON: { version: '0.0.0-probe' } }),
  });
}
