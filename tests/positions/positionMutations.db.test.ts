// Editors describe their district’s posts with catalogue tasks.
import { describe, expect, test } from 'vitest';
import { answerOf, editingServer, mutate, mutationResult as result } from '../support/editing.js';

const editing = editingServer();
const as = editing.as;

describe('posts', () => {
  const selection = 'version title role { key } tasks { task { key } wording }';

  test('a new post with catalogue tasks; only the district’s editors change it; abolished posts take no new contacts', async () => {
    const created = await as(editing.tokens.kyffhaeuser, mutate('createPosition', 'CreatePositionInput', selection), {
      input: {
        district: '16065',
        fields: {
          title: 'Koordinationskraft Integration',
          role: 'integration-coordination-staff',
          tasks: [{ task: 'regional-network-work', wording: 'Netzwerkarbeit im Landkreis' }],
        },
      },
    });
    expect(created.errors).toBeUndefined();
    const post = created.data.createPosition.data;
    expect(post).toMatchObject({
      version: 1,
      role: { key: 'integration-coordination-staff' },
      tasks: [{ task: { key: 'regional-network-work' }, wording: 'Netzwerkarbeit im Landkreis' }],
    });

    const foreign = await as(editing.tokens.wartburg, mutate('updatePosition', 'UpdatePositionInput'), {
      input: { id: post.id, version: 1, fields: { title: 'x' } },
    });
    expect(answerOf(foreign)).toMatchObject({ __typename: 'NotAllowedError' });

    const updated = await as(editing.tokens.kyffhaeuser, mutate('updatePosition', 'UpdatePositionInput', selection), {
      input: {
        id: post.id,
        version: 1,
        fields: { tasks: [{ task: 'volunteer-and-project-coordination', wording: 'Ehrenamt koordinieren' }] },
      },
    });
    expect(updated.data.updatePosition.data).toMatchObject({
      version: 2,
      title: 'Koordinationskraft Integration',
      tasks: [{ task: { key: 'volunteer-and-project-coordination' } }],
    });

    await as(editing.tokens.kyffhaeuser, mutate('archivePosition', 'ArchivePositionInput'), { input: { id: post.id, version: 2 } });
    const posts = await as(null, `{ district(ags: "16065") { positions { id } } }`);
    expect(posts.data.district.positions.map((p: any) => p.id)).not.toContain(post.id);
    const contact = await as(
      editing.tokens.kyffhaeuser,
      `mutation ($input: CreateContactInput!) { createContact(input: $input) { ${result} } }`,
      {
        input: { district: '16065', position: post.id, person: { familyName: 'Muster' } },
      },
    );
    expect(contact.data.createContact.issues.map((i: any) => i.path)).toEqual(['position']);
  });

  test('unknown roles and tasks, repeated tasks and an empty post are refused', async () => {
    const response = await as(editing.tokens.kyffhaeuser, mutate('createPosition', 'CreatePositionInput'), {
      input: {
        district: '16065',
        fields: {
          title: 'Stelle',
          role: 'wizard',
          headcount: 0,
          tasks: [
            { task: 'public-relations', wording: 'a' },
            { task: 'public-relations', wording: 'b' },
            { task: 'magic', wording: 'c' },
          ],
        },
      },
    });
    expect(response.data.createPosition.issues.map((i: any) => i.path)).toEqual([
      'fields.role',
      'fields.headcount',
      'fields.tasks[1].task',
      'fields.tasks[2].task',
    ]);
  });
});
