// Manifests the simulation knows by address (no network is ever used): the add-ons the course
// installs with `kubectl apply -f https://...`. The workloads issue fills in their contents.

const KNOWN: Record<string, () => string> = {};

export function registerKnownManifest(url: string, text: () => string): void {
  KNOWN[url] = text;
}

export function knownManifest(url: string): string | undefined {
  return KNOWN[url]?.();
}
