// The audit log: who may read it.
import { describe, expect, test } from 'vitest';
import { editingServer } from '../support/editing.js';

const editing = editingServer();
const as = editing.as;

describe('the audit log', () => {
  test('ministries see their own state, editors and the public none', async () => {
    await as(editing.tokens.kyffhaeuser, `mutation { confirmDistrictData(ags: "16065") { ags } }`);
    const count = async (token: string | null) => as(token, `{ auditEvents { totalCount } }`);
    expect((await count(editing.tokens.ministryTH)).data.auditEvents.totalCount).toBeGreaterThan(0);
    expect((await count(editing.tokens.ministrySN)).data.auditEvents.totalCount).toBe(0);
    expect((await count(editing.tokens.kyffhaeuser)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await count(null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
