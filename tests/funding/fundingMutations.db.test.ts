// Editors record how their district’s posts and projects are funded (and the documents the same rules protect).
import { describe, expect, test } from 'vitest';
import { answerOf, editingServer, mutate } from '../support/editing.js';

const editing = editingServer();
const as = editing.as;

describe('fundings and documents', () => {
  const kyffhaeuser = async () =>
    (await as(null, `{ district(ags: "16065") { positions { id } concepts { id } fundings { id version } documents { id version } } }`))
      .data.district;

  test('an editor of another district can change none of them, and nothing changes', async () => {
    const district = await kyffhaeuser();
    const before = await Promise.all([
      editing.server.database.client.funding.findMany({ orderBy: { id: 'asc' } }),
      editing.server.database.client.document.findMany({ orderBy: { id: 'asc' } }),
      editing.server.database.client.auditEvent.count(),
    ]);
    const funding = district.fundings[0];
    const document = district.documents[0];
    const attempts = await Promise.all([
      as(editing.tokens.wartburg, mutate('createFunding', 'CreateFundingInput'), {
        input: { district: '16065', fields: { description: 'x', programme: 'esf' } },
      }),
      as(editing.tokens.wartburg, mutate('updateFunding', 'UpdateFundingInput'), {
        input: { id: funding.id, version: funding.version, fields: { sharePercent: 10 } },
      }),
      as(editing.tokens.wartburg, mutate('archiveFunding', 'ArchiveFundingInput'), { input: { id: funding.id, version: funding.version } }),
      as(editing.tokens.wartburg, mutate('createDocument', 'CreateDocumentInput'), {
        input: { district: '16065', fields: { title: 'x', kind: 'OTHER' } },
      }),
      as(editing.tokens.wartburg, mutate('updateDocument', 'UpdateDocumentInput'), {
        input: { id: document.id, version: document.version, fields: { title: 'y' } },
      }),
      as(editing.tokens.wartburg, mutate('archiveDocument', 'ArchiveDocumentInput'), {
        input: { id: document.id, version: document.version },
      }),
    ]);
    for (const response of attempts) expect(answerOf(response)).toMatchObject({ __typename: 'NotAllowedError' });
    expect(
      await Promise.all([
        editing.server.database.client.funding.findMany({ orderBy: { id: 'asc' } }),
        editing.server.database.client.document.findMany({ orderBy: { id: 'asc' } }),
        editing.server.database.client.auditEvent.count(),
      ]),
    ).toEqual(before);
  });

  test('a funding of a post: created with its programme’s funder, changed, withdrawn', async () => {
    const { positions } = await kyffhaeuser();
    const created = await as(
      editing.tokens.kyffhaeuser,
      mutate('createFunding', 'CreateFundingInput', 'version sharePercent funder { name } programme { key }'),
      {
        input: {
          district: '16065',
          fields: {
            description: 'Integrationsmanagement nach ThILIK',
            programme: 'thilik',
            position: positions[0].id,
            sharePercent: 80,
            periodStart: '2026',
            periodEnd: '2027-12',
          },
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const funding = created.data.createFunding.data;
    expect(funding).toMatchObject({ version: 1, sharePercent: 80, funder: { name: 'Freistaat Thüringen' }, programme: { key: 'thilik' } });
    const updated = await as(editing.tokens.kyffhaeuser, mutate('updateFunding', 'UpdateFundingInput', 'version sharePercent'), {
      input: { id: funding.id, version: 1, fields: { sharePercent: 90 } },
    });
    expect(updated.data.updateFunding.data).toMatchObject({ version: 2, sharePercent: 90 });
    const listed = async () => (await kyffhaeuser()).fundings.map((f: any) => f.id);
    expect(await listed()).toContain(funding.id);
    await as(editing.tokens.kyffhaeuser, mutate('archiveFunding', 'ArchiveFundingInput'), { input: { id: funding.id, version: 2 } });
    expect(await listed()).not.toContain(funding.id);
  });

  test('invalid fundings and documents are refused with every problem named', async () => {
    const foreignPost = (await as(null, `{ district(ags: "14522") { positions { id } concepts { id } } }`)).data.district.positions[0].id;
    const funding = await as(editing.tokens.kyffhaeuser, mutate('createFunding', 'CreateFundingInput'), {
      input: {
        district: '16065',
        fields: { description: '', position: foreignPost, sharePercent: 150, periodStart: '2027', periodEnd: '2026' },
      },
    });
    expect(funding.data.createFunding.issues.map((i: any) => i.path)).toEqual([
      'fields.description',
      'fields.programme',
      'fields.position',
      'fields.sharePercent',
      'fields.periodEnd',
    ]);
    const concept = (await as(null, `{ district(ags: "16066") { concepts { id } } }`)).data.district.concepts[0].id;
    const document = await as(editing.tokens.kyffhaeuser, mutate('createDocument', 'CreateDocumentInput'), {
      input: { district: '16065', fields: { kind: 'NEWSLETTER', url: 'file:///etc/passwd', concept, programme: 'nope' } },
    });
    expect(document.data.createDocument.issues.map((i: any) => i.path)).toEqual([
      'fields.title',
      'fields.url',
      'fields.concept',
      'fields.programme',
    ]);
  });
});
