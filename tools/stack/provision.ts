import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { createIngestDataSource, AppCredentialsRepository, CustomFieldsRepository } from '@sieve/ingest-data-access';
import { CustomFieldDefinition, generateApiKey, hashApiKey } from '@sieve/ingest-domain';
import { createTicketsDataSource, StaffCredentialRepository, StaffRole } from '@sieve/tickets-data-access';
import { generateStaffToken, hashStaffToken } from '@sieve/tickets-feature';

export interface TenantToProvision {
  tenantId: string;
  tenantName: string;
  appId: string;
  appName: string;
  fullPrivacy?: boolean;
  /** Where set, the app requires end users' identities signed with this secret. */
  identitySecret?: string;
  /** The app's custom issue fields (replacing any it had); none if omitted. */
  customFields?: CustomFieldDefinition[];
  /** Staff credentials to (re)issue, by role; each gets a fixed id so re-running replaces its token. */
  staff: { id: string; role: StaffRole; label: string }[];
}

export interface ProvisionedTenant {
  tenantId: string;
  appId: string;
  apiKey: string;
  staffTokens: Record<string, string>;
}

/**
 * Creates or updates a brand, one app with a fresh API key, and staff tokens, in the gateway's and
 * the ticket store's databases. An operator's tool (demo tenant, tests): the products' own admin
 * API for this arrives with the ticket-store issue.
 */
export async function provisionTenant(
  databases: { ingest: string; tickets: string },
  tenant: TenantToProvision,
): Promise<ProvisionedTenant> {
  const ingest = createIngestDataSource(databases.ingest, 'sieve-provision', 1);
  const tickets = createTicketsDataSource(databases.tickets, 'sieve-provision', 1);
  await Promise.all([ingest.initialize(), tickets.initialize()]);
  try {
    const apiKey = generateApiKey();
    const apps = new AppCredentialsRepository(ingest);
    await apps.upsertApp({ id: tenant.appId, tenantId: tenant.tenantId, name: tenant.appName, fullPrivacy: tenant.fullPrivacy ?? false, identitySecret: tenant.identitySecret ?? null });
    await apps.replaceKeys(tenant.appId, { id: randomUUID(), keyHash: hashApiKey(apiKey) });
    await new CustomFieldsRepository(ingest).replaceFields(tenant.appId, tenant.customFields ?? []);

    const staffTokens: Record<string, string> = {};
    await tickets.transaction(async (manager) => {
      const staff = new StaffCredentialRepository(manager);
      await staff.upsertTenant({ id: tenant.tenantId, name: tenant.tenantName });
      for (const member of tenant.staff) {
        const token = generateStaffToken();
        await staff.putCredential({ ...member, tenantId: tenant.tenantId, tokenHash: hashStaffToken(token) });
        staffTokens[member.role] = token;
      }
    });
    return { tenantId: tenant.tenantId, appId: tenant.appId, apiKey, staffTokens };
  } finally {
    await Promise.all([ingest.destroy(), tickets.destroy()]);
  }
}

/** The demo brand `npm start` creates: fixed ids, fresh secrets on every start. */
export const DEMO_TENANT: TenantToProvision = {
  tenantId: '5e1e0000-0000-4000-8000-00000000de00',
  tenantName: 'Demo Brand',
  appId: '5e1e0000-0000-4000-8000-00000000a900',
  appName: 'Demo App',
  customFields: [
    { key: 'order_number', type: 'single-line', label: 'Order number', required: false },
    { key: 'level', type: 'number', label: 'Player level', required: false },
    { key: 'platform', type: 'dropdown', label: 'Where you play', required: false, options: ['iOS', 'Android', 'Web'] },
    { key: 'purchase_date', type: 'date', label: 'Date of purchase', required: false },
    { key: 'contact_ok', type: 'checkbox', label: 'We may contact you by email', required: false },
  ],
  staff: [
    { id: '5e1e0000-0000-4000-8000-0000000057a0', role: 'agent', label: 'Demo agent' },
    { id: '5e1e0000-0000-4000-8000-0000000057a1', role: 'billing', label: 'Demo billing' },
  ],
};
