// Editors list their district’s published documents.
import { describe, expect, test } from 'vitest';
import { editingServer, mutate } from '../support/editing.js';

const editing = editingServer();
const as = editing.as;

describe('documents', () => {
  const kyffhaeuser = async () =>
    (await as(null, `{ district(ags: "16065") { positions { id } concepts { id } fundings { id version } documents { id version } } }`))
      .data.district;

  test('a document of the district’s concept: listed, then withdrawn', async () => {
    const { concepts } = await kyffhaeuser();
    const created = await as(
      editing.tokens.kyffhaeuser,
      mutate('createDocument', 'CreateDocumentInput', 'version title issued concept { id } programme { key }'),
      {
        input: {
          district: '16065',
          fields: {
            title: 'Leitbild Integration (Entwurf)',
            kind: 'INTEGRATION_CONCEPT',
            format: 'PDF',
            issued: '2026-11',
            url: 'https://www.kyffhaeuser.de/leitbild.pdf',
            concept: concepts[0].id,
            programme: 'thilik',
          },
        },
      },
    );
    const document = created.data.createDocument.data;
    // What it belongs to, as the API answers it (the editors' form shows it again).
    expect(document).toMatchObject({
      version: 1,
      title: 'Leitbild Integration (Entwurf)',
      issued: '2026-11',
      concept: { id: concepts[0].id },
      programme: { key: 'thilik' },
    });
    const conceptDocuments = async () =>
      (await as(null, `{ district(ags: "16065") { concepts { documents { title } } } }`)).data.district.concepts[0].documents.map(
        (d: any) => d.title,
      );
    expect(await conceptDocuments()).toContain('Leitbild Integration (Entwurf)');
    await as(editing.tokens.kyffhaeuser, mutate('archiveDocument', 'ArchiveDocumentInput'), { input: { id: document.id, version: 1 } });
    expect(await conceptDocuments()).not.toContain('Leitbild Integration (Entwurf)');
  });
});
