// Which district a record belongs to, for every kind of record alike: the answer the write path
// authorises by and locks by.
import { expect, test } from 'vitest';
import { ownerOf } from '../../src/writes/ownership.js';
import { editingServer } from '../support/editing.js';

const editing = editingServer();

test('records of a district, their parts, the district itself and the shared catalogue', async () => {
  const client = editing.server.database.client;
  const offer = await client.offer.findFirstOrThrow({ where: { districtId: '16065' } });
  const hours = await client.officeHours.findFirstOrThrow({
    where: { intervals: { some: {} } },
    include: { contact: true, intervals: true },
  });
  const programme = await client.fundingProgramme.findFirstOrThrow();
  expect(await ownerOf('Offer', offer.id, client)).toEqual({ model: 'Offer', id: offer.id, districtId: '16065' });
  // A part without a district of its own belongs to its record, whose version a change of it raises.
  const contact = { model: 'Contact', id: hours.contact.id, districtId: hours.contact.districtId };
  expect(await ownerOf('OfficeHours', hours.id, client)).toEqual(contact);
  expect(await ownerOf('OfficeHourInterval', hours.intervals[0]!.id, client)).toEqual(contact);
  expect(await ownerOf('District', '16063', client)).toEqual({ model: 'District', id: '16063', districtId: '16063' });
  // The catalogue belongs to no district, though its funders cite a district's page.
  expect(await ownerOf('Role', 'integration-guide', client)).toEqual({ model: 'Role', id: 'integration-guide', districtId: null });
  expect(await ownerOf('FundingProgramme', programme.id, client)).toMatchObject({ districtId: null });
  expect(await ownerOf('Offer', 'none', client)).toBeNull();
});
