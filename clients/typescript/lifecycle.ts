// A partner's lifecycle through the client @hey-api/openapi-ts generates from the schema: it
// fails (throws, or exits non-zero) where the schema misleads the generator.
import { createClient, createConfig } from './client/client';
import {
  connectionRequestCreate,
  discoverySuppliersList,
  eventList,
  sandboxConnectionConfirm,
  sandboxRequestApprove,
  sandboxSignUp,
  webhookCreate,
  webhookList,
} from './client/sdk.gen';

const baseUrl = process.argv[2];

async function main(): Promise<void> {
  const anonymous = createClient(createConfig({ baseUrl }));
  const { data: account } = await sandboxSignUp({
    throwOnError: true,
    client: anonymous,
    body: { company_name: 'TypeScript Retail', email: 'dev@ts.example', org_type: 'RETAILER' },
  });
  const api = createClient(createConfig({ baseUrl, auth: account.users[0].auth_token }));

  const { data: found } = await discoverySuppliersList({ throwOnError: true, client: api });
  const { data: created } = await connectionRequestCreate({
    throwOnError: true,
    client: api,
    headers: { 'Idempotency-Key': 'ts-lifecycle-1' },
    body: {
      supplier_uuid: found.suppliers[0].uuid,
      primary_contact_name: 'Sam Seller',
      requested_integrations: [{ type: 'item', update_frequency: '@daily' }],
    },
  });
  const { data: connection } = await sandboxRequestApprove({ throwOnError: true, client: api, path: { request_uuid: created.uuid } });
  const { data: active } = await sandboxConnectionConfirm({
    throwOnError: true,
    client: api,
    path: { connection_uuid: connection.uuid },
  });
  if (active.status !== 'ACTIVE') throw new Error(`not active: ${active.status}`);

  await webhookCreate({ throwOnError: true, client: api, body: { url: 'http://127.0.0.1:9/hooks', event_types: ['*'] } });
  const { data: hooks } = await webhookList({ throwOnError: true, client: api });
  if (hooks.length !== 1 || hooks[0].description !== '') throw new Error('webhook list');

  const { data: page } = await eventList({ throwOnError: true, client: api, query: { after: 0 } });
  const last = page.events[page.events.length - 1];
  if (last.type !== 'connections/confirmed' || last.data.status !== 'ACTIVE') throw new Error(`last event: ${last.type}`);
  console.log(`lifecycle passed: ${page.events.length} events`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
