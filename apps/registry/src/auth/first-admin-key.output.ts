/**
 * The one time a generated admin key is shown. Written straight to stdout, whatever LOG_LEVEL
 * says: a key that no one saw would lock the registry out.
 */
export function printFirstAdminKey(name: string, key: string): void {
  const line = {
    level: 'warn',
    time: new Date().toISOString(),
    context: 'auth',
    msg: 'first start: generated the admin API key. Store it now: it will not be shown again',
    name,
    roles: ['admin'],
    key,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
