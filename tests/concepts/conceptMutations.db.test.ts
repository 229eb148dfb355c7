// Editors draft and adopt their district’s integration concept with milestones and fields of action.
import { describe, expect, test } from 'vitest';
import { answerOf, editingServer, mutate } from '../support/editing.js';

const editing = editingServer();
const as = editing.as;

describe('integration concepts', () => {
  const selection =
    'version status adoptedOn milestones { kind title periodStart } fieldsOfAction { label emphasis fieldOfAction { key } }';

  test('the Wartburgkreis drafts a concept, adopts it, and only its editors may', async () => {
    const created = await as(editing.tokens.wartburg, mutate('createIntegrationConcept', 'CreateIntegrationConceptInput', selection), {
      input: {
        district: '16063',
        fields: {
          title: 'Integrationskonzept Wartburgkreis',
          status: 'IN_PREPARATION',
          milestones: [{ kind: 'PLANNED', title: 'Bestandsaufnahme', periodStart: '2027' }],
          fieldsOfAction: [
            { fieldOfAction: 'education', label: 'Bildung' },
            { fieldOfAction: 'participation', label: 'Teilhabe', emphasis: 'THEME' },
          ],
        },
      },
    });
    expect(created.errors).toBeUndefined();
    const concept = created.data.createIntegrationConcept.data;
    expect(concept).toMatchObject({
      version: 1,
      status: 'IN_PREPARATION',
      milestones: [{ kind: 'PLANNED', title: 'Bestandsaufnahme', periodStart: '2027' }],
      fieldsOfAction: [
        { label: 'Bildung', emphasis: 'FIELD_OF_ACTION', fieldOfAction: { key: 'education' } },
        { label: 'Teilhabe', emphasis: 'THEME', fieldOfAction: { key: 'participation' } },
      ],
    });
    const withParticipation = await as(
      null,
      `{ concepts(filter: { fieldOfAction: "participation" }) { edges { node { district { ags } } } } }`,
    );
    expect(withParticipation.data.concepts.edges.map((e: any) => e.node.district.ags)).toEqual(['16063', '16065']); // the Kyffhäuser concept has it as a theme

    const foreign = await as(editing.tokens.kyffhaeuser, mutate('updateIntegrationConcept', 'UpdateIntegrationConceptInput'), {
      input: { id: concept.id, version: 1, fields: { status: 'ADOPTED' } },
    });
    expect(answerOf(foreign)).toMatchObject({ __typename: 'NotAllowedError' });

    const adopted = await as(editing.tokens.wartburg, mutate('updateIntegrationConcept', 'UpdateIntegrationConceptInput', selection), {
      input: { id: concept.id, version: 1, fields: { status: 'ADOPTED', adoptedOn: '2027-06-12', adoptedBy: 'Kreistag' } },
    });
    // Lists left out are kept.
    expect(adopted.data.updateIntegrationConcept.data).toMatchObject({
      version: 2,
      status: 'ADOPTED',
      adoptedOn: '2027-06-12',
      milestones: [{ title: 'Bestandsaufnahme' }],
    });

    await as(editing.tokens.wartburg, mutate('archiveIntegrationConcept', 'ArchiveIntegrationConceptInput'), {
      input: { id: concept.id, version: 2 },
    });
    const listed = await as(null, `{ district(ags: "16063") { concepts { id } } }`);
    expect(listed.data.district.concepts).toEqual([]);
  });

  test('unknown or repeated fields of action, and an adoption without date, are refused', async () => {
    const response = await as(editing.tokens.wartburg, mutate('createIntegrationConcept', 'CreateIntegrationConceptInput'), {
      input: {
        district: '16063',
        fields: {
          title: 'Konzept',
          status: 'ADOPTED',
          milestones: [{ kind: 'ACHIEVED', title: 'Analyse', periodStart: '2019', periodEnd: '2018' }],
          fieldsOfAction: [
            { fieldOfAction: 'education', label: 'Bildung' },
            { fieldOfAction: 'education', label: 'Schule' },
            { fieldOfAction: 'happiness', label: 'Glück' },
          ],
        },
      },
    });
    expect(response.data.createIntegrationConcept.issues.map((i: any) => i.path)).toEqual([
      'fields.adoptedOn',
      'fields.milestones[0].periodEnd',
      'fields.fieldsOfAction[1].fieldOfAction',
      'fields.fieldsOfAction[2].fieldOfAction',
    ]);
  });
});
