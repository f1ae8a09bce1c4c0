// Buttons and menus carry who may use them in their custom id: `PREFIX:OWNER:ARG...` (Discord
// allows 100 characters), so one user's `!reset` cannot be confirmed by another.

export function componentId(prefix: string, owner: string, ...args: string[]): string {
  const id = [prefix, owner, ...args].join(':');
  if (id.length > 100) throw new Error(`custom id over 100 characters: ${id}`);
  return id;
}

export function parseComponentId(id: string): { prefix: string; owner: string; args: string[] } {
  const [prefix = '', owner = '', ...args] = id.split(':');
  return { prefix, owner, args };
}
