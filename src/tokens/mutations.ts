// Bringing a district on board from the API: its state's ministry or an administrator issues
// its editors' tokens and revokes them (before, only `npm run tokens` on the server could).
// Written and audited like every change; the token is answered once and kept nowhere.
import { db } from '../db/client.js';
import type { ApiToken } from '../generated/prisma/client.js';
import { builder } from '../graphql/builder.js';
import { districtKeyForScope } from '../rules/districtKeys.js';
import { said } from '../rules/issues.js';
import { checkColumns, sameNames } from '../writes/checks.js';
import { type AccessRule, inputDistrict, writeMutation } from '../writes/mutation.js';
import { NotFoundError } from '../writes/problems.js';
import { insertToken, revokeTokenIn } from './issue.js';
import { EditorToken } from './types.js';

const EditorTokenFieldsInput = builder.inputType('EditorTokenFieldsInput', {
  description: 'What a new editor’s token says of its holder.',
  fields: (t) => ({
    name: t.string({
      required: true,
      description: 'Who holds it, as the audit log will name their changes, e.g. "Redaktion Kyffhäuserkreis, Frau Weise".',
    }),
  }),
});

const IssueEditorTokenInput = builder.inputType('IssueEditorTokenInput', {
  description: 'A new token for a district’s editors.',
  fields: (t) => ({
    district: t.string({ required: true, description: 'The district (AGS) whose data it changes, e.g. "16065".' }),
    fields: t.field({ type: EditorTokenFieldsInput, required: true, description: 'Its holder.' }),
  }),
});

const RevokeEditorTokenInput = builder.inputType('RevokeEditorTokenInput', {
  description: 'An editor’s token to revoke.',
  fields: (t) => ({ id: t.id({ required: true, description: 'The token’s `id` (EditorToken.id).' }) }),
});

interface IssuedToken {
  token: string;
  editorToken: ApiToken;
}

const IssuedEditorToken = builder.objectRef<IssuedToken>('IssuedEditorToken').implement({
  description: 'A token issued: give it to its holder over a safe channel. It is shown only now.',
  fields: (t) => ({
    token: t.exposeString('token', {
      description: 'The token (Authorization: Bearer …). Shown only in this answer: the database keeps only its hash.',
    }),
    editorToken: t.field({
      type: EditorToken,
      description: 'The token as it is listed from now on.',
      resolve: (issued) => issued.editorToken,
    }),
  }),
});

/** Who may revoke a token: for an editor's token of one state's districts, that state's ministry; else administrators. */
function stewardsOf(token: ApiToken | null): AccessRule {
  if (!token) return { stewardOf: '' }; // an ID of nothing: administrators are told so, others are refused
  const states = new Set(token.districtIds.map((ags) => ags.slice(0, 2)));
  return token.role === 'EDITOR' && states.size === 1 ? { stewardOf: token.districtIds[0]! } : { admin: true };
}

writeMutation('issueEditorToken', {
  ref: IssuedEditorToken,
  noun: 'token issued',
  description:
    'Issues an API token for a district’s editors: its state’s ministry or an administrator. The token is in this answer only; the audit log names who issued it to whom.',
  inputDescription: 'The district and the token’s holder.',
  input: IssueEditorTokenInput,
  authorise: (input) => ({ stewardOf: districtKeyForScope(input.district) }),
  dataLock: 'none',
  async prepare(input, problems) {
    const district = inputDistrict(input.district, 'district', problems);
    if (district && !(await db().district.findUnique({ where: { id: district }, select: { id: true } })))
      problems.add('district', said('NO_SUCH_DISTRICT', `"${district}" is no district of Thüringen or Sachsen`, { key: district }));
    checkColumns('ApiToken', input.fields, sameNames('name'), problems.within('fields'), { creating: true });
    return district;
  },
  async write(handle, input, district) {
    const { row, token } = await insertToken(handle, { name: input.fields.name.trim(), role: 'EDITOR', districtIds: [district] });
    return { token, editorToken: row };
  },
});

writeMutation('revokeEditorToken', {
  ref: EditorToken,
  noun: 'token revoked',
  description:
    'Revokes an editor’s API token at once: its state’s ministry or an administrator. Requests with it are refused from now on; what was changed with it stays, under its name in the audit log.',
  inputDescription: 'The token.',
  input: RevokeEditorTokenInput,
  authorise: async (input) => stewardsOf(await db().apiToken.findUnique({ where: { id: String(input.id) } })),
  dataLock: 'none',
  async prepare() {},
  async write(handle, input) {
    // Ministries' and administrators' tokens are revoked on the server (npm run tokens), not here.
    const token = await handle.tx.apiToken.findUnique({ where: { id: String(input.id) }, select: { role: true } });
    if (token?.role !== 'EDITOR') throw new NotFoundError('No active editor token with this ID.');
    const revoked = await revokeTokenIn(handle, String(input.id));
    if (!revoked) throw new NotFoundError('No active token with this ID.');
    return revoked;
  },
});
