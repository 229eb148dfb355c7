// In a change, a field sent as null empties the value (an optional one); a field left out keeps it.
// Before, null was read as "left out", so an editor who emptied a field saw the old value again.
import { describe, expect, test } from 'vitest';
import { answerOf, editingServer, issuePaths, languageCafe, mutate } from '../support/editing.js';

const editing = editingServer();
const as = editing.as;

const kyffhaeuser = async () =>
  (
    await as(
      null,
      `{ district(ags: "16065") {
        positions { id }
        concepts { id version title summary adoptedBy }
        documents { id version concept { id } }
      } }`,
    )
  ).data.district;

describe('null in a change', () => {
  test('empties an optional value of a concept; fields left out keep theirs', async () => {
    const [concept] = (await kyffhaeuser()).concepts;
    expect(concept.summary).not.toBeNull();
    const answer = answerOf(
      await as(
        editing.tokens.kyffhaeuser,
        mutate('updateIntegrationConcept', 'UpdateIntegrationConceptInput', 'version title summary adoptedBy'),
        {
          input: { id: concept.id, version: concept.version, fields: { summary: null } },
        },
      ),
    );
    expect(answer.__typename).toBe('MutationUpdateIntegrationConceptSuccess');
    expect(answer.data).toMatchObject({ summary: null, title: concept.title, adoptedBy: concept.adoptedBy, version: concept.version + 1 });
    const [after] = (await kyffhaeuser()).concepts;
    expect(after.summary).toBeNull();
    const [event] = await editing.server.database.client.auditEvent.findMany({
      where: { action: 'UPDATE', entityType: 'IntegrationConcept' },
    });
    expect(JSON.stringify(event?.before)).toContain(concept.summary.slice(0, 20));
  });

  test('is refused for a required value, at its field, and nothing changes', async () => {
    const [concept] = (await kyffhaeuser()).concepts;
    const { data } = await as(editing.tokens.kyffhaeuser, mutate('updateIntegrationConcept', 'UpdateIntegrationConceptInput'), {
      input: { id: concept.id, version: concept.version, fields: { title: null, summary: null } },
    });
    const refused = data.updateIntegrationConcept;
    expect(refused.__typename).toBe('ValidationError');
    expect(issuePaths(refused)).toEqual(['fields.title']);
    expect(refused.issues[0].code).toBe('REQUIRED');
    expect((await kyffhaeuser()).concepts[0]).toEqual(concept);
  });

  test('empties a funding’s post and end, and an offer’s web address and languages', async () => {
    const [position] = (await kyffhaeuser()).positions;
    const funding = answerOf(
      await as(editing.tokens.kyffhaeuser, mutate('createFunding', 'CreateFundingInput'), {
        input: {
          district: '16065',
          fields: {
            description: 'Integrationsmanagement',
            programme: 'thilik',
            position: position.id,
            periodStart: '2026',
            periodEnd: '2027',
          },
        },
      }),
    ).data as { id: string; version: number };
    const changed = answerOf(
      await as(
        editing.tokens.kyffhaeuser,
        mutate('updateFunding', 'UpdateFundingInput', 'position { id } periodStart periodEnd programme { key }'),
        {
          input: { id: funding.id, version: funding.version, fields: { position: null, periodEnd: null } },
        },
      ),
    );
    expect(changed.data).toMatchObject({ position: null, periodStart: '2026', periodEnd: null, programme: { key: 'thilik' } });

    const offer = answerOf(
      await as(editing.tokens.kyffhaeuser, mutate('createOffer', 'CreateOfferInput'), {
        input: { district: '16065', fields: { ...languageCafe, website: 'https://example.org/sprachcafe' } },
      }),
    ).data as { id: string; version: number };
    const emptied = answerOf(
      await as(editing.tokens.kyffhaeuser, mutate('updateOffer', 'UpdateOfferInput', 'website languages title'), {
        input: { id: offer.id, version: offer.version, fields: { website: null, languages: null } },
      }),
    );
    expect(emptied.data).toMatchObject({ website: null, languages: [], title: languageCafe.title });
  });

  test('takes a document off its concept', async () => {
    const document = (await kyffhaeuser()).documents.find((candidate: { concept: unknown }) => candidate.concept);
    expect(document).toBeDefined();
    const answer = answerOf(
      await as(editing.tokens.kyffhaeuser, mutate('updateDocument', 'UpdateDocumentInput', 'concept { id }'), {
        input: { id: document.id, version: document.version, fields: { concept: null } },
      }),
    );
    expect(answer.data).toMatchObject({ concept: null });
  });

  test('empties a contact’s internal note', async () => {
    const { data } = await as(
      editing.tokens.kyffhaeuser,
      `{ district(ags: "16065") { contacts(first: 1) { edges { node { id version } } } } }`,
    );
    const contact = data.district.contacts.edges[0].node;
    const noted = answerOf(
      await as(editing.tokens.kyffhaeuser, mutate('updateContact', 'UpdateContactInput', 'version internalNote'), {
        input: { id: contact.id, version: contact.version, fields: { internalNote: 'Vertretung klären' } },
      }),
    );
    expect(noted.data).toMatchObject({ internalNote: 'Vertretung klären', version: contact.version + 1 });
    const emptied = answerOf(
      await as(editing.tokens.kyffhaeuser, mutate('updateContact', 'UpdateContactInput', 'version internalNote'), {
        input: { id: contact.id, version: contact.version + 1, fields: { internalNote: null } },
      }),
    );
    expect(emptied.data).toMatchObject({ internalNote: null });
  });
});

describe('a change checked as a whole', () => {
  test('a rule between two fields holds after a change of one: an adopted concept keeps its adoption date', async () => {
    const [concept] = (await kyffhaeuser()).concepts;
    const adopted = answerOf(
      await as(editing.tokens.kyffhaeuser, mutate('updateIntegrationConcept', 'UpdateIntegrationConceptInput'), {
        input: { id: concept.id, version: concept.version, fields: { status: 'ADOPTED', adoptedOn: '2025-03-27' } },
      }),
    );
    expect(adopted.__typename).toBe('MutationUpdateIntegrationConceptSuccess');
    const { data } = await as(editing.tokens.kyffhaeuser, mutate('updateIntegrationConcept', 'UpdateIntegrationConceptInput'), {
      input: { id: concept.id, version: concept.version + 1, fields: { adoptedOn: null } },
    });
    expect(data.updateIntegrationConcept.__typename).toBe('ValidationError');
    expect(data.updateIntegrationConcept.issues.map((issue: { path: string; code: string }) => `${issue.path} ${issue.code}`)).toEqual([
      'fields.adoptedOn ADOPTION_DATE',
    ]);
  });

  test('null where nothing can be emptied — a list of parts, a funder — is said at its field, and nothing changes', async () => {
    const [concept] = (await kyffhaeuser()).concepts;
    const { data } = await as(editing.tokens.kyffhaeuser, mutate('updateIntegrationConcept', 'UpdateIntegrationConceptInput'), {
      input: { id: concept.id, version: concept.version, fields: { milestones: null, summary: null } },
    });
    expect(data.updateIntegrationConcept.issues.map((issue: { path: string; code: string }) => `${issue.path} ${issue.code}`)).toEqual([
      'fields.milestones NOT_EMPTIABLE',
    ]);
    const funding = answerOf(
      await as(editing.tokens.kyffhaeuser, mutate('createFunding', 'CreateFundingInput'), {
        input: { district: '16065', fields: { description: 'Integrationsmanagement', funder: 'eu' } },
      }),
    ).data as { id: string; version: number };
    const refused = await as(editing.tokens.kyffhaeuser, mutate('updateFunding', 'UpdateFundingInput'), {
      input: { id: funding.id, version: funding.version, fields: { funder: null } },
    });
    expect(issuePaths(refused.data.updateFunding)).toEqual(['fields.funder']);
    expect((await kyffhaeuser()).concepts[0]).toEqual(concept);
  });
});
