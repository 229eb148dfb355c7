// Confirming a district’s data ("last verified"), by its editors only.
import { describe, expect, test } from 'vitest';
import { editingServer } from '../support/editing.js';

const editing = editingServer();
const as = editing.as;

describe('confirming a district\u2019s data', () => {
  test('the 8-digit form of the district key gives the same rights as the 5-digit one', async () => {
    const response = await as(editing.tokens.kyffhaeuser, `mutation { confirmDistrictData(ags: "16065000") { ags } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.confirmDistrictData.ags).toBe('16065');
    const foreign = await as(editing.tokens.wartburg, `mutation { confirmDistrictData(ags: "16065000") { ags } }`);
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  test('confirming the data sets "last verified" without changing it, and is audited', async () => {
    const response = await as(editing.tokens.kyffhaeuser, `mutation { confirmDistrictData(ags: "16065") { lastVerifiedAt } }`);
    expect(Date.now() - Date.parse(response.data.confirmDistrictData.lastVerifiedAt)).toBeLessThan(60_000);
    const events = await as(
      editing.tokens.ministryTH,
      `{ auditEvents(filter: { district: "16065" }, first: 1) { edges { node { action actorName } } } }`,
    );
    expect(events.data.auditEvents.edges[0].node).toEqual({ action: 'VERIFY', actorName: 'Redaktion Kyffhäuserkreis' });
  });
});
