// API tokens for the roles the editing tests act in, created in the test server's database.

import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { createToken } from '../../src/tokens/issue.js';

export type TestTokens = Record<'kyffhaeuser' | 'wartburg' | 'ministryTH' | 'ministrySN' | 'admin', string>;

export async function createTestTokens(client: PrismaClient): Promise<TestTokens> {
  const token = async (spec: Parameters<typeof createToken>[1]) => (await createToken(client, spec)).token;
  return {
    kyffhaeuser: await token({ name: 'Redaktion Kyffhäuserkreis', role: 'EDITOR', districtIds: ['16065'] }),
    wartburg: await token({ name: 'Redaktion Wartburgkreis', role: 'EDITOR', districtIds: ['16063'] }),
    ministryTH: await token({ name: 'TMASGFF', role: 'MINISTRY', stateId: 'TH' }),
    ministrySN: await token({ name: 'SMS Sachsen', role: 'MINISTRY', stateId: 'SN' }),
    admin: await token({ name: 'Betrieb', role: 'ADMIN' }),
  };
}
