import { createApiKey, createCustomerWithApiKey, createDb, findCustomer } from '@engine/db';
import { readStackState } from './stack/state';

const USAGE = `usage:
  npm run admin -- customer create <name>      prints {"customerId": "...", "apiKey": "..."}
  npm run admin -- api-key create <customerId> prints {"customerId": "...", "apiKey": "..."}`;

/** DATABASE_URL, else the database of the running dev stack. */
function databaseUrl(): string {
  const url = process.env['DATABASE_URL'] ?? readStackState()?.env['DATABASE_URL'];
  if (!url)
    throw new Error('DATABASE_URL is not set and the stack is not running (start it with npm run stack:up)');
  return url;
}

async function main(args: string[]): Promise<void> {
  const [noun, verb, ...rest] = args;
  const db = createDb(databaseUrl(), { maxConnections: 1, applicationName: 'admin' });
  try {
    if (noun === 'customer' && verb === 'create') {
      const name = rest.join(' ').trim();
      if (!name) throw new Error(`customer create needs a name\n${USAGE}`);
      const { customer, apiKey } = await createCustomerWithApiKey(db, name);
      console.log(JSON.stringify({ customerId: customer.id, apiKey }));
      return;
    }
    if (noun === 'api-key' && verb === 'create') {
      const customerId = rest[0];
      if (!customerId) throw new Error(`api-key create needs a customer id\n${USAGE}`);
      if (!(await findCustomer(db, customerId))) throw new Error(`no customer with id ${customerId}`);
      console.log(JSON.stringify({ customerId, apiKey: await createApiKey(db, customerId) }));
      return;
    }
    throw new Error(USAGE);
  } finally {
    await db.destroy();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
