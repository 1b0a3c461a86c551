/**
 * Lazy edges: how this code base keeps start-up cheap (issue 9).
 *
 * esbuild bundles every entry into one CommonJS file. A static `import` is evaluated when the bundle loads;
 * a `require()` of one of our modules or a package is evaluated only when that call runs (esbuild wraps such
 * a module in an initialiser). So a module that is expensive to evaluate — undici (≈ 80 ms and 20 MiB: it
 * loads http2, tls, zlib…), the Genesys client and its HTTP stack, `diff`, re2-wasm, a command's flow — is
 * reached from start-up code only through a lazy edge:
 *
 *     const heavyModule = lazy(() => require('./heavy') as typeof import('./heavy'));
 *     …
 *     heavyModule().doWork(); // loads on the first call, then cached
 *
 * `typeof import(…)` is type-only, so the types stay exact and nothing is loaded early. Keep the edge at module
 * level (one per target module) and call it inside the function that first needs the module — never at import
 * time. `test/unit/startupCost.test.ts` fails when the extension's activation or the CLI's `--help` pulls undici,
 * re2-wasm, `diff` or a command's module in eagerly again.
 */
export function lazy<T>(load: () => T): () => T {
  let loaded = false;
  let value: T;
  return () => {
    if (!loaded) {
      value = load();
      loaded = true;
    }
    return value;
  };
}
